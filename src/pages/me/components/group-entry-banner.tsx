/** What happened with the group the app was just opened from: joined, failed (重试), or not opened yet (claim). */
import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import type { useGroupEntry } from '@/hooks/use-group-entry'

type Entry = ReturnType<typeof useGroupEntry>['entry']

export default function GroupEntryBanner({ entry, onRetry }: { entry: Entry; onRetry: () => void }) {
  if (entry.status === 'entering') return <Text className="me__banner">正在加入你所在的小哥群…</Text>
  if (entry.status === 'failed') {
    return (
      <Card className="me__banner-card">
        <Text className="me__note">没能加入打开小程序的这个群：{entry.error.message}</Text>
        <Button className="button-secondary me__banner-action" hoverClass="button-secondary--hover" onClick={onRetry}>
          重试
        </Button>
      </Card>
    )
  }
  if (entry.status !== 'done') return null
  const { result } = entry
  if (result.status === 'joined' && result.group) return <Text className="me__banner me__banner--ok">已加入“{result.group.name}”</Text>
  if (result.status !== 'unclaimed') return null
  return (
    <Card className="me__banner-card">
      <Text className="me__note">
        {result.canClaim ? '这个群还没有联络员认领。你是联络员，可以认领它。' : '这个群还没有开通小哥之家，请联系群里的联络员。'}
      </Text>
      {result.canClaim ? (
        <Button
          className="button-primary me__banner-action"
          hoverClass="button-primary--hover"
          onClick={() => void Taro.navigateTo({ url: '/pkg-me/liaison/index?claim=1' })}
        >
          认领这个群
        </Button>
      ) : null}
    </Card>
  )
}
