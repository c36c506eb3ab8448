/**
 * For the poster (still on duty), the liaison and the admin on duty: the read figures (tap: who has
 * not read it), share into the group again, 修改 within the window, 置顶, 撤回 with a reason (shown to
 * the group instead of the text).
 */
import type { NoticeDetail } from '@cloud/fronts/contract'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { pinNotice, withdrawNotice } from '@/services/fronts'
import { timeText } from '@/services/fronts/labels'
import ShareNotice from '../components/share-notice'

function Withdraw({ id, onDone }: { id: string; onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function send() {
    const r = await withdrawNotice(id, reason.trim())
    if (!r.ok) return setError(r.error.message)
    setOpen(false)
    onDone()
  }
  if (!open)
    return (
      <Button className="button-secondary fr-tools__withdraw" hoverClass="button-secondary--hover" onClick={() => setOpen(true)}>
        撤回
      </Button>
    )
  return (
    <View className="fr-tools__form">
      <Text className="form-label">撤回原因（群里的人会看到）</Text>
      <Textarea
        className="form-textarea fr-textarea"
        value={reason}
        maxlength={60}
        placeholder="比如：时间写错了，稍后重发"
        onInput={(e) => setReason(e.detail.value)}
      />
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="button-row">
        <Button className="button-secondary button-row__item" onClick={() => setOpen(false)}>
          不撤了
        </Button>
        <Button
          className="button-primary button-row__item fr-tools__withdraw-send"
          disabled={reason.trim().length < 2 || undefined}
          onClick={() => void send()}
        >
          确定撤回
        </Button>
      </View>
    </View>
  )
}

export default function PosterTools({ notice: n, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  if (!n.me.canSeeFigures && !n.me.canWithdraw) return null
  const unread = Math.max(0, n.audience - n.readCount)
  async function pin() {
    const r = await pinNotice(n.id, !n.pinned)
    if (r.ok) onChanged()
    else void Taro.showToast({ title: r.error.message, icon: 'none' })
  }
  return (
    <Card className="fr-tools">
      {n.me.canSeeFigures ? (
        <View
          className="fr-row fr-tools__figures"
          hoverClass="fr-row--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pkg-front/figures/index?id=${n.id}` })}
        >
          <View className="fr-row__main">
            <Text className="fr-row__title">
              {n.readCount}/{n.audience} 已读 · {n.ackCount} 人收到
            </Text>
            <Text className="fr-row__text">{unread ? `还有 ${unread} 人没看，点开看是谁` : '群里的人都看过了'}</Text>
          </View>
          <Text className="fr-row__chevron">›</Text>
        </View>
      ) : null}
      {n.state === 'live' ? <ShareNotice path={n.sharePath} label="再发到群里" /> : null}
      <View className="button-row">
        {n.me.canEdit ? (
          <Button
            className="button-secondary button-row__item fr-tools__edit"
            onClick={() => void Taro.navigateTo({ url: `/pkg-front/post/index?id=${n.id}` })}
          >
            修改
          </Button>
        ) : null}
        {n.me.canPin && n.state === 'live' ? (
          <Button className="button-secondary button-row__item fr-tools__pin" onClick={() => void pin()}>
            {n.pinned ? '取消置顶' : '置顶'}
          </Button>
        ) : null}
      </View>
      {n.me.canEdit && n.editableUntil ? <Text className="fr-note fr-tools__until">{timeText(n.editableUntil)} 前可以修改</Text> : null}
      {n.me.canWithdraw ? <Withdraw id={n.id} onDone={onChanged} /> : null}
    </Card>
  )
}
