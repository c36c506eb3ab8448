/**
 * 收到: one big button for a member (not the author) while the notice stands; after the tap it says
 * so and stays said (a second tap is refused by the server and shown as done). A 安全提醒 offers,
 * from a tap as WeChat requires, to send the next one as a WeChat message.
 */
import type { NoticeDetail } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ackNotice, subscribeAlerts } from '@/services/fronts'
import { askSubscribe } from '@/services/users/subscribe'

async function alertsToo(n: NoticeDetail) {
  const accepted = await askSubscribe([n.me.alertsTemplate])
  const r = await subscribeAlerts(n.groupId, accepted)
  void Taro.showToast({ title: accepted && r.ok ? '好的，下次有安全提醒会通知你' : '没有开启，可以随时再点', icon: 'none' })
}

export default function AckBar({ notice: n, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  if (!n.me.member || n.me.isAuthor || n.state === 'withdrawn' || n.acked === null) return null
  const acked = n.acked || done
  async function ack() {
    setBusy(true)
    const r = await ackNotice(n.id)
    setBusy(false)
    if (r.ok || r.error.code === 'CONFLICT') {
      setDone(true)
      onChanged()
    } else void Taro.showToast({ title: r.error.message, icon: 'none' })
  }
  return (
    <View className="fr-ackbar">
      {acked ? (
        <Text className="fr-ackbar__done">✓ 已收到</Text>
      ) : (
        <Button
          className="button-primary fr-ackbar__ack"
          hoverClass="button-primary--hover"
          disabled={busy || undefined}
          onClick={() => void ack()}
        >
          收到
        </Button>
      )}
      <Text className="fr-note fr-ackbar__count">
        群里 {n.readCount} 人看过，{n.ackCount + (done && !n.acked ? 1 : 0)} 人点了收到
      </Text>
      {n.category === 'safety' ? (
        <Button className="button-secondary fr-ackbar__alerts" hoverClass="button-secondary--hover" onClick={() => void alertsToo(n)}>
          以后有安全提醒，微信通知我
        </Button>
      ) : null}
    </View>
  )
}
