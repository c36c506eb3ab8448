/**
 * The demo town's consultation topics (协商议事), at every stage, as the `topics` function stores
 * them: 待受理 with enough supporters to need a written answer, 已受理 and overdue (the public clock),
 * 议事中 with a council session open for sign-up, 落实中 after a 部分采纳 answer with milestones,
 * 已完成, and a duplicate merged into another. Supporters beyond the demo people are synthetic openids.
 * Times are relative to `now` (Asia/Shanghai dates), so the clock reads the same whenever it is seeded.
 */
import { addDays, businessDate, shanghaiInstant } from '../../../cloudfunctions/_lib/time'
import { searchTerms, titleBigrams } from '../../../cloudfunctions/topics/terms'

type Doc = Record<string, unknown> & { _id: string }

export const DEMO_TOPIC = {
  ebikeBan: 'tp-ebike-ban',
  parcel: 'tp-parcel',
  charging: 'tp-charging',
  nightLight: 'tp-night-light',
  toilet: 'tp-toilet',
  ebikeGate: 'tp-ebike-gate',
} as const

/** The council session's check-in code of tp-ebike-ban (the liaison reads it out). */
export const DEMO_SESSION_CODE = '246810'

const GROUP = { id: 'grp-zhoupu-wanda', name: '周浦万达骑手之家群' }
const GROUP2 = { id: 'grp-kangqiao', name: '康桥骑手互助群' }
const LIAISON = '李敏（专职联络员）'
const ALL_KINDS = ['accepted', 'session', 'answered', 'progress', 'closed', 'overdue']
const DAY = 86_400_000

const synthetic = (prefix: string, n: number) => Array.from({ length: n }, (_v, i) => `o-demo-${prefix}-${String(i + 1).padStart(2, '0')}`)

interface Spec {
  id: string
  title: string
  description: string
  category: string
  categoryLabel: string
  place: { text: string; point?: { lat: number; lng: number } }
  author: { openid: string; name: string }
  group: { id: string; name: string }
  daysAgo: number
  supporters: string[]
  status: string
  extra?: Record<string, unknown>
  timeline: { daysAgo: number; kind: string; status: string | null; actor: string; text: string }[]
}

function topicDoc(s: Spec, now: Date): Doc {
  const at = (d: number) => new Date(now.getTime() - d * DAY)
  const created = at(s.daysAgo)
  const followers: Record<string, unknown> = { [s.author.openid]: { at: created, kinds: ALL_KINDS, consents: {} } }
  for (const o of s.supporters) followers[o] = { at: created, kinds: ALL_KINDS, consents: {} }
  return {
    _id: s.id,
    title: s.title,
    description: s.description,
    category: s.category,
    categoryLabel: s.categoryLabel,
    place: { text: s.place.text, point: s.place.point ?? null },
    ...(s.place.point ? { location: { type: 'Point', coordinates: [s.place.point.lng, s.place.point.lat] } } : {}),
    photos: [],
    pendingMedia: [],
    photoCount: 0,
    progressPhotos: [],
    authorOpenid: s.author.openid,
    authorName: s.author.name,
    groupId: s.group.id,
    groupName: s.group.name,
    status: s.status,
    timeline: s.timeline.map((e, i) => ({
      id: `te-${s.id}-${i}`,
      at: at(e.daysAgo),
      kind: e.kind,
      status: e.status,
      actor: e.actor,
      text: e.text,
      photos: [],
    })),
    supporters: Object.fromEntries(s.supporters.map((o) => [o, created])),
    supportCount: s.supporters.length,
    threshold: 10,
    answerRequired: s.supporters.length >= 10,
    followers,
    followerCount: s.supporters.length,
    commentCount: 0,
    stance: { support: 0, neutral: 0, oppose: 0 },
    signups: {},
    reporters: {},
    reportCount: 0,
    openReports: 0,
    hidden: false,
    moderation: 'none',
    dueAt: null,
    dueDate: null,
    originalDueDate: null,
    overdueMarkedAt: null,
    answeredAt: null,
    session: null,
    answer: null,
    withdrawal: null,
    mergedFrom: [],
    terms: searchTerms(s.title, s.description, s.place.text),
    titleTerms: titleBigrams(s.title),
    monthKey: businessDate(created).slice(0, 7),
    createdAt: created,
    updatedAt: created,
    ...s.extra,
  }
}

/** An answer date `days` from today (negative: in the past), as stored on an accepted topic. */
function due(now: Date, days: number) {
  const dueDate = addDays(businessDate(now), days)
  return { dueDate, dueAt: shanghaiInstant(addDays(dueDate, 1), '00:00') }
}

const ZHANG = { openid: 'o-demo-rider-zhang', name: '张伟' }
const CHEN = { openid: 'o-demo-rider-chen', name: '陈磊' }
const WU = { openid: 'o-demo-rider-wu', name: '吴涛' }

function specs(now: Date): Spec[] {
  const ebikeDue = due(now, 8)
  const sessionDay = addDays(businessDate(now), 5)
  const parcelDue = due(now, -12)
  const toiletDue = due(now, -2)
  const lightDue = due(now, -30)
  const ago = (d: number) => new Date(now.getTime() - d * DAY)
  return [
    {
      id: DEMO_TOPIC.ebikeBan,
      title: '外卖电动车禁止进入小区，送餐只能步行 800 米',
      description: '锦绣华庭、周浦花园等小区门口不让电动车进，高峰期一单要多走十分钟，超时还要扣钱。希望能划定临时停车点或者错峰放行。',
      category: 'traffic',
      categoryLabel: '通行',
      place: { text: '周浦花园小区南门', point: { lat: 31.1205, lng: 121.5712 } },
      author: ZHANG,
      group: GROUP,
      daysAgo: 12,
      supporters: ['o-demo-rider-chen', 'o-demo-admin-wang', ...synthetic('supporter', 35)],
      status: 'deliberating',
      extra: {
        ...ebikeDue,
        acceptedAt: ago(10),
        deliberatingAt: ago(2),
        session: {
          at: shanghaiInstant(sessionDay, '19:00'),
          place: '周浦镇社区党群服务中心 3 楼议事厅',
          seats: 30,
          seatsLeft: 28,
          signedUp: 2,
          checkedIn: 0,
          code: DEMO_SESSION_CODE,
        },
        signups: Object.fromEntries(synthetic('supporter', 2).map((o) => [o, { at: ago(1), checkedInAt: null, wrong: 0 }])),
        mergedFrom: [{ id: DEMO_TOPIC.ebikeGate, title: '小区门禁不让电瓶车进' }],
        commentCount: 3,
        stance: { support: 2, neutral: 1, oppose: 0 },
      },
      timeline: [
        { daysAgo: 12, kind: 'raised', status: 'submitted', actor: '张伟', text: '提出议题' },
        { daysAgo: 11, kind: 'threshold', status: null, actor: '系统', text: '已有 10 位小哥遇到同样的问题，须书面答复' },
        { daysAgo: 10, kind: 'status', status: 'accepted', actor: LIAISON, text: `受理，${md(ebikeDue.dueDate)}前书面答复` },
        {
          daysAgo: 9,
          kind: 'merged_in',
          status: null,
          actor: LIAISON,
          text: '《小区门禁不让电瓶车进》（4 人遇到）作为重复议题合并到本议题',
        },
        {
          daysAgo: 2,
          kind: 'status',
          status: 'deliberating',
          actor: LIAISON,
          text: `安排议事会：${sessionDay} 19:00，周浦镇社区党群服务中心 3 楼议事厅，30 个座位，欢迎报名`,
        },
      ],
    },
    {
      id: DEMO_TOPIC.ebikeGate,
      title: '小区门禁不让电瓶车进',
      description: '周浦花园门卫拦电瓶车，只能停在门外，车上的餐容易被拿。',
      category: 'traffic',
      categoryLabel: '通行',
      place: { text: '周浦花园' },
      author: CHEN,
      group: GROUP,
      daysAgo: 11,
      supporters: synthetic('supporter', 4),
      status: 'withdrawn',
      extra: {
        withdrawnAt: ago(9),
        withdrawal: {
          kind: 'duplicate',
          reason: '与《外卖电动车禁止进入小区》是同一件事，合并一起议',
          mergedInto: { id: DEMO_TOPIC.ebikeBan, title: '外卖电动车禁止进入小区，送餐只能步行 800 米' },
        },
      },
      timeline: [
        { daysAgo: 11, kind: 'raised', status: 'submitted', actor: '陈磊', text: '提出议题' },
        {
          daysAgo: 9,
          kind: 'status',
          status: 'withdrawn',
          actor: LIAISON,
          text: '撤回（重复议题，已合并到《外卖电动车禁止进入小区，送餐只能步行 800 米》）：与《外卖电动车禁止进入小区》是同一件事，合并一起议',
        },
      ],
    },
    {
      id: DEMO_TOPIC.parcel,
      title: '大件快递存放难，小区没有地方放',
      description: '大件快递送到小区没人接收，驿站不收超过 20 公斤的件，只能来回跑两三趟。',
      category: 'parcel',
      categoryLabel: '快递存放',
      place: { text: '周浦镇各小区', point: { lat: 31.1152, lng: 121.5801 } },
      author: ZHANG,
      group: GROUP,
      daysAgo: 40,
      supporters: synthetic('supporter', 21),
      status: 'implementing',
      extra: {
        ...parcelDue,
        acceptedAt: ago(38),
        deliberatingAt: ago(30),
        answeredAt: ago(20),
        implementingAt: ago(18),
        answer: {
          outcome: 'partial',
          reasoning:
            '居委会、物业和快递网点议事后同意：先在 3 个小区试点大件临时存放点，由物业代收；全镇铺开要看试点效果和场地，暂不承诺。',
          responsible: '周浦镇社区管理办、各小区物业',
          at: ago(20),
          by: LIAISON,
          byOpenid: 'o-demo-liaison-li',
        },
      },
      timeline: [
        { daysAgo: 40, kind: 'raised', status: 'submitted', actor: '张伟', text: '提出议题' },
        { daysAgo: 39, kind: 'threshold', status: null, actor: '系统', text: '已有 10 位小哥遇到同样的问题，须书面答复' },
        { daysAgo: 38, kind: 'status', status: 'accepted', actor: LIAISON, text: `受理，${md(parcelDue.dueDate)}前书面答复` },
        { daysAgo: 30, kind: 'status', status: 'deliberating', actor: LIAISON, text: '安排议事会：社区党群服务中心，20 个座位，欢迎报名' },
        {
          daysAgo: 20,
          kind: 'status',
          status: 'answered',
          actor: LIAISON,
          text: '答复：部分采纳。先在 3 个小区试点大件临时存放点，由物业代收；全镇铺开看试点效果。（负责：周浦镇社区管理办、各小区物业）',
        },
        { daysAgo: 18, kind: 'status', status: 'implementing', actor: LIAISON, text: '开始落实：周浦花园、锦绣华庭、繁荣苑 3 个小区试点' },
        { daysAgo: 6, kind: 'milestone', status: null, actor: LIAISON, text: '周浦花园存放点已启用，在物业服务中心旁，早 7 点到晚 10 点' },
      ],
    },
    {
      id: DEMO_TOPIC.charging,
      title: '万达广场周边换电柜太少，晚高峰要排队',
      description: '晚上 6 点到 8 点换电柜经常满，排队要二十分钟，能不能在年家浜路再放两台？',
      category: 'parking',
      categoryLabel: '停车/充电',
      place: { text: '万达广场 1 号门', point: { lat: 31.1168, lng: 121.5746 } },
      author: WU,
      group: GROUP,
      daysAgo: 3,
      supporters: ['o-demo-rider-zhang', ...synthetic('supporter', 13)],
      status: 'submitted',
      extra: { commentCount: 1, stance: { support: 0, neutral: 1, oppose: 0 } },
      timeline: [
        { daysAgo: 3, kind: 'raised', status: 'submitted', actor: '吴涛', text: '提出议题' },
        { daysAgo: 1, kind: 'threshold', status: null, actor: '系统', text: '已有 10 位小哥遇到同样的问题，须书面答复' },
      ],
    },
    {
      id: DEMO_TOPIC.toilet,
      title: '秀沿路一带找不到能用的厕所',
      description: '秀沿路、康沈路这一段送单多，附近商场不让骑手进，公共厕所又远，憋着送单很难受。',
      category: 'rights',
      categoryLabel: '权益',
      place: { text: '秀沿路康沈路口', point: { lat: 31.1279, lng: 121.5851 } },
      author: WU,
      group: GROUP2,
      daysAgo: 20,
      supporters: ['o-demo-rider-chen', ...synthetic('supporter', 7)],
      status: 'accepted',
      extra: { ...toiletDue, acceptedAt: ago(18), overdueMarkedAt: ago(1) },
      timeline: [
        { daysAgo: 20, kind: 'raised', status: 'submitted', actor: '吴涛', text: '提出议题' },
        {
          daysAgo: 18,
          kind: 'status',
          status: 'accepted',
          actor: '孙丽（康桥联络员）',
          text: `受理，${md(toiletDue.dueDate)}前书面答复`,
        },
        { daysAgo: 1, kind: 'overdue', status: null, actor: '系统', text: `已超过答复期限（${md(toiletDue.dueDate)}），尚未答复` },
      ],
    },
    {
      id: DEMO_TOPIC.nightLight,
      title: '沈梅路夜间路灯坏了好几盏，骑行不安全',
      description: '沈梅路靠近沪南公路一段晚上很黑，已经有骑手摔过。',
      category: 'safety',
      categoryLabel: '安全',
      place: { text: '沈梅路沪南公路口', point: { lat: 31.1225, lng: 121.5702 } },
      author: ZHANG,
      group: GROUP,
      daysAgo: 45,
      supporters: synthetic('supporter', 9),
      status: 'done',
      extra: {
        ...lightDue,
        acceptedAt: ago(44),
        deliberatingAt: ago(40),
        answeredAt: ago(35),
        implementingAt: ago(35),
        doneAt: ago(28),
        answer: {
          outcome: 'adopted',
          reasoning: '经查沈梅路 6 盏路灯线路老化，纳入本月维修计划，全部更换。',
          responsible: '周浦镇城运中心',
          at: ago(35),
          by: LIAISON,
          byOpenid: 'o-demo-liaison-li',
        },
      },
      timeline: [
        { daysAgo: 45, kind: 'raised', status: 'submitted', actor: '张伟', text: '提出议题' },
        { daysAgo: 44, kind: 'status', status: 'accepted', actor: LIAISON, text: `受理，${md(lightDue.dueDate)}前书面答复` },
        { daysAgo: 40, kind: 'status', status: 'deliberating', actor: LIAISON, text: '安排议事会：城运中心会议室，12 个座位' },
        {
          daysAgo: 35,
          kind: 'status',
          status: 'answered',
          actor: LIAISON,
          text: '答复：采纳。6 盏路灯线路老化，全部更换。（负责：周浦镇城运中心）',
        },
        { daysAgo: 35, kind: 'status', status: 'implementing', actor: LIAISON, text: '开始落实：报修，本月内更换' },
        { daysAgo: 28, kind: 'status', status: 'done', actor: LIAISON, text: '已完成：6 盏路灯已全部修好，欢迎小哥们监督' },
      ],
    },
  ]
}

function md(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

function comments(now: Date): Doc[] {
  const at = (h: number) => new Date(now.getTime() - h * 3_600_000)
  const base = {
    topicId: DEMO_TOPIC.ebikeBan,
    topicTitle: '外卖电动车禁止进入小区，送餐只能步行 800 米',
    groupId: GROUP.id,
    editedAt: null,
    hidden: false,
    moderation: 'none',
    reporters: {},
    reportCount: 0,
    openReports: 0,
    removedAt: null,
  }
  const reported = { at: at(3), note: null }
  return [
    {
      ...base,
      _id: 'tc-demo-spam',
      topicId: DEMO_TOPIC.charging,
      topicTitle: '万达广场周边换电柜太少，晚高峰要排队',
      parentId: null,
      authorOpenid: 'o-demo-supporter-13',
      authorName: '路过的人',
      authorRole: 'rider',
      stance: 'neutral',
      text: '加群领外卖红包，每天多赚三百，私聊我',
      createdAt: at(6),
      // three riders reported it: hidden until the liaison reviews it (pkg-topics/moderation)
      hidden: true,
      hiddenAt: at(3),
      moderation: 'pending',
      reporters: {
        'o-demo-rider-zhang': { reason: 'spam', ...reported },
        'o-demo-rider-chen': { reason: 'spam', ...reported },
        'o-demo-admin-wang': { reason: 'spam', ...reported },
      },
      reportCount: 3,
      openReports: 3,
    },
    {
      ...base,
      _id: 'tc-demo-1',
      parentId: null,
      authorOpenid: 'o-demo-rider-chen',
      authorName: '陈磊',
      authorRole: 'rider',
      stance: 'support',
      text: '锦绣华庭也是，保安说是物业规定，可以在门口划一块临时停车区吗？',
      createdAt: at(50),
    },
    {
      ...base,
      _id: 'tc-demo-2',
      parentId: 'tc-demo-1',
      authorOpenid: 'o-demo-liaison-li',
      authorName: '李敏（专职联络员）',
      authorRole: 'liaison',
      stance: 'neutral',
      text: '已约了两个小区的物业来议事会，大家有具体的门和时间段可以在这里补充。',
      createdAt: at(30),
    },
    {
      ...base,
      _id: 'tc-demo-3',
      parentId: null,
      authorOpenid: 'o-demo-admin-wang',
      authorName: '王强',
      authorRole: 'rider',
      stance: 'support',
      text: '建议错峰：午高峰 11 点到 1 点放行，其他时间停门口。',
      createdAt: at(20),
    },
  ]
}

/** The durable per-rider records of the demo people's supports and follows. */
function records(list: Doc[], now: Date): { topic_supports: Doc[]; topic_follows: Doc[] } {
  const demoPeople = new Set(['o-demo-rider-zhang', 'o-demo-rider-chen', 'o-demo-rider-wu', 'o-demo-admin-wang'])
  const supports: Doc[] = []
  for (const t of list)
    for (const o of Object.keys(t.supporters as Record<string, unknown>))
      if (demoPeople.has(o)) supports.push({ _id: `ts-${t._id}-${o}`, topicId: t._id, openid: o, active: true, at: now, since: now })
  return { topic_supports: supports, topic_follows: supports.map((s) => ({ ...s, _id: s._id.replace(/^ts-/, 'tf-') })) }
}

export function demoTopicDocuments(now: Date): Record<string, Doc[]> {
  const topics = specs(now).map((s) => topicDoc(s, now))
  return { topics, topic_comments: comments(now), ...records(topics, now) }
}
