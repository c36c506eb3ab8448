/**
 * 微阵地 entries in 我的 (fronts): for a member of a group — the group's front page, 问联络员, 我的提问;
 * for its rotating admin — 我的值班 (and 发布群公告 while on duty); for its liaison — the queue, the
 * roster, saved replies, settings. Each opens the current group's page (the server picks the group).
 */
import type { MeData } from '@cloud/users/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'

interface Entry {
  title: string
  hint: string
  url: string
}

export function frontEntries(me: MeData): Entry[] {
  const g = me.groups.find((x) => x.current)
  if (!g) return []
  const q = `?groupId=${g.id}`
  const list: Entry[] = [{ title: '我们群的微阵地', hint: '群公告、值班表、常见问题', url: `/pkg-front/front/index${q}` }]
  if (g.isLiaison) {
    list.push(
      { title: '待回答的问题', hint: '按等待时间排好', url: `/pkg-front/queue/index${q}` },
      { title: '值班表', hint: '排班、批准换班、交接记录', url: `/pkg-front/roster/index${q}` },
      { title: '常用回复', hint: '存好常答的话', url: '/pkg-front/replies/index' },
      { title: '微阵地设置', hint: '回复时间、清单', url: `/pkg-front/settings/index${q}` },
    )
    return list
  }
  list.push(
    { title: '问联络员', hint: '保险、认证、遇到麻烦', url: `/pkg-front/ask/index${q}` },
    { title: '我的提问', hint: '看回复', url: '/pkg-front/mine/index' },
  )
  if (g.isAdmin) {
    if (g.onDuty) list.push({ title: '发布群公告', hint: '你正在值班', url: `/pkg-front/post/index${q}` })
    list.push({ title: '我的值班', hint: '交接、要做的事、换班', url: `/pkg-front/term/index${q}` })
  }
  return list
}

export default function MyFront({ me }: { me: MeData }) {
  const entries = frontEntries(me)
  if (!entries.length) return null
  const group = me.groups.find((x) => x.current)
  return (
    <>
      <SectionHeader title="微阵地" />
      <Card className="me__entries me-front">
        <Text className="me__entries-role">{group?.name}</Text>
        {entries.map((e) => (
          <View key={e.title} className="me__entry" hoverClass="me__entry--pressed" onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text className="me__entry-title">{e.title}</Text>
            <View className="me__entry-right">
              <Text className="me__entry-hint">{e.hint}</Text>
              <Text className="me__entry-chevron">›</Text>
            </View>
          </View>
        ))}
      </Card>
    </>
  )
}
