/**
 * 我的服务: the consoles my roles open. Only features that exist are listed — an entry appears here
 * when its feature lands (the canteen and topics have theirs; the micro-front adds its own).
 */
import type { Role } from '@cloud/_lib/roles'
import type { MeData } from '@cloud/users/contract'
import SectionHeader from '@/components/section-header'
import { roleLabel } from '@/utils/labels'
import EntryCard, { type MeEntry } from './entry-card'

interface Entry extends MeEntry {
  /** shown only when this holds (default: the role is enough) */
  when?: (me: MeData) => boolean
}

const ENTRIES: { role: Role; entries: Entry[] }[] = [
  {
    role: 'rider',
    entries: [
      { title: '我的爱心餐预约', hint: '取餐码、保温柜、记录', url: '/pkg-canteen/mine/index' },
      { title: '我提的议题', hint: '进展、答复期限、我关注的', url: '/pkg-topics/mine/index' },
    ],
  },
  {
    role: 'liaison',
    entries: [
      { title: '认证审核与群成员', hint: '审核、值班、邀请', url: '/pkg-me/liaison/index', when: (me) => !me.roles.includes('town') },
      {
        title: '爱心餐暂停预约',
        hint: '爽约暂停的小哥，可恢复',
        url: '/pkg-canteen/pauses/index',
        when: (me) => !me.roles.includes('town'),
      },
    ],
  },
  {
    role: 'staff',
    entries: [
      { title: '驿站管理', hint: '开放时间、服务、问题', url: '/pkg-stations/console/index', when: (me) => me.staffOf.station.length > 0 },
      {
        title: '核销取餐',
        hint: '食堂今日一览、放餐、取餐码',
        url: '/pkg-canteen/console/index',
        when: (me) => me.staffOf.canteen.length > 0,
      },
    ],
  },
  {
    role: 'town',
    entries: [
      { title: '镇里工作台', hint: '指派联络员和站点人员、变更记录', url: '/pkg-me/town/index' },
      { title: '各群的审核与成员', hint: '认证、值班、邀请', url: '/pkg-me/liaison/index' },
      { title: '驿站管理', hint: '所有驿站的状态和问题', url: '/pkg-stations/console/index' },
      { title: '食堂管理', hint: '预约、补贴台账、导出', url: '/pkg-canteen/console/index' },
      { title: '爱心餐暂停预约', hint: '各群爽约暂停的小哥', url: '/pkg-canteen/pauses/index' },
    ],
  },
]

export function entriesFor(me: MeData): { role: Role; entries: Entry[] }[] {
  return ENTRIES.filter((s) => me.roles.includes(s.role))
    .map((s) => ({ role: s.role, entries: s.entries.filter((e) => !e.when || e.when(me)) }))
    .filter((s) => s.entries.length > 0)
}

export default function MyServices({ me }: { me: MeData }) {
  const sections = entriesFor(me)
  if (sections.length === 0) return null
  return (
    <>
      <SectionHeader title="我的服务" />
      {sections.map((s) => (
        <EntryCard key={s.role} heading={roleLabel(s.role) ?? ''} entries={s.entries} />
      ))}
    </>
  )
}
