/**
 * The council session (议事会): when, where, seats left; sign up or cancel; on the day, check in with
 * the code the liaison reads out. The liaison sees the code here.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { TopicDetail } from '@/services/topics'
import { timeText } from '../format'

export interface SessionActions {
  signUp: () => void
  cancel: () => void
  checkIn: (code: string) => void
  busy: string | null
}

export default function SessionCard({ topic: t, actions: a }: { topic: TopicDetail; actions: SessionActions }) {
  const [code, setCode] = useState('')
  const s = t.session
  if (!s) return null
  const started = Date.parse(s.at) <= Date.parse(t.now)
  const checkInOpen = Date.parse(s.at) - 3_600_000 <= Date.parse(t.now) && Date.parse(t.now) <= Date.parse(s.at) + 4 * 3_600_000
  return (
    <View className="session">
      <Text className="session__when">{timeText(s.at)}</Text>
      <Text className="session__place">{s.place}</Text>
      <Text className="session__seats">
        {s.seats} 个座位 · 已报名 {s.signedUp} 人{s.seatsLeft ? ` · 还剩 ${s.seatsLeft} 个` : ' · 已报满'}
        {s.checkedIn ? ` · 到场 ${s.checkedIn} 人` : ''}
      </Text>
      {s.code ? <Text className="session__code">签到码 {s.code}（开会时念给大家）</Text> : null}
      {t.me.canSignUp ? (
        <Button
          className="button-primary button-wide"
          hoverClass="button-primary--hover"
          disabled={Boolean(a.busy) || undefined}
          onClick={a.signUp}
        >
          报名参加议事会
        </Button>
      ) : null}
      {t.me.signedUp && !t.me.checkedIn && !started ? (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={Boolean(a.busy) || undefined}
          onClick={a.cancel}
        >
          已报名 · 取消报名
        </Button>
      ) : null}
      {t.me.checkedIn ? <Text className="session__done">✓ 你已签到</Text> : null}
      {t.me.signedUp && !t.me.checkedIn && checkInOpen ? (
        <View className="session__checkin">
          <Input
            className="form-input session__code-input"
            type="number"
            maxlength={6}
            value={code}
            placeholder="6 位签到码"
            onInput={(e) => setCode(e.detail.value)}
          />
          <Button
            className="button-primary"
            hoverClass="button-primary--hover"
            disabled={code.length !== 6 || Boolean(a.busy) || undefined}
            onClick={() => a.checkIn(code)}
          >
            签到
          </Button>
        </View>
      ) : null}
    </View>
  )
}
