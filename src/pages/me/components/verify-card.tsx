/**
 * The way to verification for a rider who is not verified yet — never for people appointed by the
 * town. In no group yet: what to do first, in a rider's words (open the app from the group card,
 * or scan the liaison's invite code — with a 扫邀请码 button where the phone can scan).
 */
import type { MeData } from '@cloud/users/contract'
import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import ScanInviteButton from '@/components/scan-invite-button'

export const JOIN_FIRST = '认证由你所在小哥群的联络员审核。先加入小哥群：从小哥微信群里点小程序卡片打开，或扫联络员给的邀请码。'

const TEXT = {
  none: {
    title: '认证成为小哥',
    text: '认证后可以使用小哥专属的服务。填写工种和平台，拍一张工牌或接单页，由你所在群的联络员审核。',
    action: '去认证',
  },
  pending: { title: '认证审核中', text: '联络员会尽快审核，结果会通知你。', action: '查看申请' },
  rejected: { title: '认证没有通过', text: '', action: '重新申请' },
} as const

export default function VerifyCard({ me }: { me: MeData }) {
  if (me.verified || me.official || me.verification.state === 'approved') return null
  const inNoGroup = me.groups.length === 0 && me.verification.state === 'none'
  const t = TEXT[me.verification.state]
  const text = inNoGroup
    ? JOIN_FIRST
    : me.verification.state === 'rejected'
      ? `原因：${me.verification.reason ?? '未说明'}。可以补充材料后重新申请。`
      : t.text
  return (
    <Card className="me__verify">
      <Text className="me__verify-title">{t.title}</Text>
      <Text className="me__verify-text">{text}</Text>
      {inNoGroup ? (
        <ScanInviteButton className="me__verify-action" />
      ) : (
        <Button
          className="button-primary me__verify-action"
          hoverClass="button-primary--hover"
          onClick={() => void Taro.navigateTo({ url: '/pkg-me/verify/index' })}
        >
          {t.action}
        </Button>
      )}
    </Card>
  )
}
