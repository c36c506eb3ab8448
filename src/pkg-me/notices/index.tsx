/**
 * 我的通知: the in-app notices kept for every message (a WeChat subscribe message may or may not
 * have gone out). Newest first; unread ones are marked. Tapping one marks it read and opens its page.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message.html
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { listMyNotices, markNoticesRead, type NoticeItem } from '@/services/users'
import { shanghaiDate } from '../utils/duty-dates'
import { noticeTarget, noticeTime } from '../utils/notice-page'
import './index.scss'

export default function NoticesPage() {
  const { state, reload } = useCloudQuery(listMyNotices)
  const [readNow, setReadNow] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />

  const items = state.data.items
  const isUnread = (n: NoticeItem) => !n.read && !readNow.has(n.id)
  const unread = items.filter(isUnread).length
  const today = shanghaiDate()

  async function open(n: NoticeItem) {
    if (isUnread(n)) {
      setReadNow((s) => new Set(s).add(n.id))
      void markNoticesRead([n.id])
    }
    const target = noticeTarget(n.page)
    if (target.api === 'switchTab') void Taro.switchTab({ url: target.url })
    else void Taro.navigateTo({ url: target.url })
  }

  async function readAll() {
    setBusy(true)
    const r = await markNoticesRead('all')
    setBusy(false)
    if (!r.ok) return void Taro.showToast({ title: r.error.message, icon: 'none' })
    setReadNow(new Set(items.map((n) => n.id)))
  }

  if (items.length === 0) {
    return (
      <View className="page">
        <StateView kind="empty" glyph="信" title="还没有通知" description="认证结果、驿站问题的处理结果等会在这里告诉你。" />
      </View>
    )
  }

  return (
    <View className="page">
      <View className="page__body">
        <View className="notices__head">
          <Text className="notices__count">{unread ? `${unread} 条未读` : '全部已读'}</Text>
          {unread ? (
            <Button className="button-secondary notices__read-all" disabled={busy ? true : undefined} onClick={() => void readAll()}>
              全部标为已读
            </Button>
          ) : null}
        </View>
        {items.map((n) => (
          <Card key={n.id} className={`notice${isUnread(n) ? ' notice--unread' : ''}`} onClick={() => void open(n)}>
            <View className="notice__head">
              {isUnread(n) ? <View className="notice__dot" /> : null}
              <Text className="notice__title">{n.title}</Text>
              <Text className="notice__time">{noticeTime(n.at, today)}</Text>
            </View>
            <Text className="notice__text">{n.text}</Text>
            <Text className="notice__more">查看 ›</Text>
          </Card>
        ))}
      </View>
    </View>
  )
}
