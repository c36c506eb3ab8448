/**
 * 邀请: for riders who cannot open the app from the group card. The invite is shown as something a
 * person can use — a QR code to scan and one plain line (which group, until when, how many people)
 * — never as a page path. WeChat: 转发邀请卡片 shares a card that opens the join page; the QR can be
 * tapped to enlarge and save. H5 (no share card there): 复制邀请链接 copies the link and says so.
 */
import type { GroupSummary, InviteResult } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { createInvite } from '@/services/users'
import { inviteLink } from '@/services/users/invite-link'
import { dayTime } from '@/utils/shanghai-day'
import InviteQr from './invite-qr'

const isWeapp = process.env.TARO_ENV === 'weapp'

async function copyLink(invite: InviteResult) {
  await Taro.setClipboardData({ data: inviteLink(invite.token) }).catch(() => undefined)
  void Taro.showToast({ title: '邀请链接已复制，发给小哥，他打开就能加入', icon: 'none', duration: 2500 })
}

function Shown({ group, invite }: { group: GroupSummary; invite: InviteResult }) {
  return (
    <>
      <InviteQr text={inviteLink(invite.token)} />
      <Text className="invite__qr-hint">请小哥用微信扫一扫，加入“{group.name}”</Text>
      <Text className="invite__line">
        {dayTime(invite.expiresAt)} 前有效 · 最多 {invite.maxUses} 人使用{isWeapp ? ' · 点二维码可以放大保存' : ''}
      </Text>
      <View className="invite__actions">
        {isWeapp ? (
          <Button className="button-primary invite__share" openType="share">
            转发邀请卡片
          </Button>
        ) : (
          <Button className="button-primary invite__copy" hoverClass="button-primary--hover" onClick={() => void copyLink(invite)}>
            复制邀请链接
          </Button>
        )}
      </View>
    </>
  )
}

export default function InvitePanel({
  group,
  invite,
  onInvite,
}: {
  group: GroupSummary
  invite: InviteResult | null
  onInvite: (i: InviteResult) => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function make() {
    setBusy(true)
    setError(null)
    const r = await createInvite(group.id)
    setBusy(false)
    if (r.ok) onInvite(r.data)
    else setError(r.error.message)
  }
  return (
    <Card>
      <Text className="note">
        给没法从群里点卡片打开小程序的小哥：生成一个邀请码，他扫码就能加入这个群。邀请码 3 天内有效，最多 20
        人使用；你不再负责这个群时自动失效。
      </Text>
      {invite ? <Shown group={group} invite={invite} /> : null}
      {error ? <Text className="form-error invite__error">{error}</Text> : null}
      {invite ? null : (
        <View className="invite__actions">
          <Button
            className="button-primary invite__make"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void make()}
          >
            生成邀请码
          </Button>
        </View>
      )}
    </Card>
  )
}
