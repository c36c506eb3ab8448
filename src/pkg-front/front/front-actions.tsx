/**
 * The big doors of the front page: everyone — 问联络员, 常见问题, 我的提问; the admin on duty and the
 * liaison — 发布群公告; the liaison — 待回答 (with the count), 值班表; an admin — 我的值班. Large,
 * two to a row, one tap each.
 */
import type { FrontView } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

interface Door {
  key: string
  title: string
  hint: string
  url: string
  primary?: boolean
}

function doors(f: FrontView): Door[] {
  const g = `groupId=${f.group.id}`
  const list: Door[] = []
  if (f.me.canPost)
    list.push({
      key: 'post',
      title: '发布群公告',
      hint: f.me.onDuty ? '你正在值班' : '联络员可以发',
      url: `/pkg-front/post/index?${g}`,
      primary: true,
    })
  if (f.me.isLiaison)
    list.push({
      key: 'queue',
      title: `待回答 ${f.stats.waitingNow}`,
      hint: '按等待时间排好了',
      url: `/pkg-front/queue/index?${g}`,
      primary: true,
    })
  if (f.me.member && !f.me.isLiaison)
    list.push({
      key: 'ask',
      title: '问联络员',
      hint: `一般 ${Math.round(f.targetMinutes / 60) || 1} 小时内回复`,
      url: `/pkg-front/ask/index?${g}`,
      primary: !f.me.canPost,
    })
  list.push({
    key: 'faq',
    title: `常见问题${f.faqCount ? ` ${f.faqCount}` : ''}`,
    hint: '先看看有没有答案',
    url: `/pkg-front/faq/index?${g}`,
  })
  if (f.me.member && !f.me.isLiaison) list.push({ key: 'mine', title: '我的提问', hint: '看回复、补充情况', url: '/pkg-front/mine/index' })
  if (f.me.isAdmin) list.push({ key: 'term', title: '我的值班', hint: '交接、要做的事、换班', url: `/pkg-front/term/index?${g}` })
  list.push({ key: 'roster', title: '值班表', hint: f.me.isLiaison ? '排班、批准换班' : '谁在值班', url: `/pkg-front/roster/index?${g}` })
  return list
}

export default function FrontActions({ front }: { front: FrontView }) {
  return (
    <View className="fr-actions">
      {doors(front).map((d) => (
        <View
          key={d.key}
          className={`fr-action fr-front__door fr-front__door--${d.key}${d.primary ? ' fr-action--primary' : ''}`}
          hoverClass="fr-action--pressed"
          onClick={() => void Taro.navigateTo({ url: d.url })}
        >
          <Text className="fr-action__title">{d.title}</Text>
          <Text className="fr-action__hint">{d.hint}</Text>
        </View>
      ))}
    </View>
  )
}
