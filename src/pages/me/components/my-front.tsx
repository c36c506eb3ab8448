/**
 * 微阵地 entries in 我的 (fronts): for a member of a group — the group's front page, 问联络员, 我的提问;
 * for its rotating admin — 我的值班 (and 发布群公告 while on duty); for its liaison — the queue, the
 * roster, saved replies, settings. Each opens the current group's page (the server picks the group).
 */
import type { MeData } from '@cloud/users/contract'
import SectionHeader from '@/components/section-header'
import EntryCard, { type MeEntry } from './entry-card'

export function frontEntries(me: MeData): MeEntry[] {
  const g = me.groups.find((x) => x.current)
  if (!g) return []
  const q = `?groupId=${g.id}`
  const list: MeEntry[] = [{ title: '我们群的微阵地', hint: '群公告、值班表、常见问题', url: `/pkg-front/front/index${q}` }]
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
  return (
    <>
      <SectionHeader title="微阵地" />
      <EntryCard heading={me.groups.find((x) => x.current)?.name ?? ''} entries={entries} className="me-front" />
    </>
  )
}
