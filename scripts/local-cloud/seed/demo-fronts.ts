/**
 * The demo group's micro-front (微阵地), stored as the `fronts` function stores it: a second rotating
 * admin (刘洋: last week and next week, around 王强's week) with last week's handover to 王强, notices
 * with real read receipts and 收到 (counts equal to their records), questions at every stage with the
 * first-reply clock, FAQ entries without askers, the liaison's saved replies, and the group's `front`
 * part (this week's reply figures, counters, activity). Times are relative to `now`.
 */
import { MINUTE_MS, weekKey } from '../../../cloudfunctions/_lib/time'
import { addServiceMs, DEFAULT_SERVICE_HOURS, serviceMsBetween } from '../../../cloudfunctions/fronts/service-clock'

type Doc = Record<string, unknown> & { _id: string }
type Fields = Record<string, unknown>

const GROUP = { id: 'grp-zhoupu-wanda', name: '周浦万达骑手之家群' }
const HOUR = 3_600_000
const DAY = 86_400_000
const NEVER = new Date('2999-12-31T00:00:00Z')

export const DEMO_FRONT = {
  admin: { liu: 'o-demo-admin-liu' },
  duty: { liuLast: 'duty-demo-liu-last', liuNext: 'duty-demo-liu-next' },
  notice: { storm: 'nt-heat-safety', nightSchool: 'nt-night-school', insurance: 'nt-insurance-policy', ebike: 'nt-mutual-ebike' },
  question: { insurance: 'q-insurance', canteenCard: 'q-canteen-card', helmet: 'q-helmet', night: 'q-rest-night', verify: 'q-verify-how' },
  faq: { canteenCard: 'faq-q-canteen-card', verify: 'faq-q-verify-how' },
} as const

const P = {
  li: ['o-demo-liaison-li', '李敏（专职联络员）'],
  wang: ['o-demo-admin-wang', '王强'],
  zhang: ['o-demo-rider-zhang', '张伟'],
  chen: ['o-demo-rider-chen', '陈磊'],
  wu: ['o-demo-rider-wu', '吴涛'],
  zhao: ['o-demo-visitor-zhao', '赵刚'],
  liu: [DEMO_FRONT.admin.liu, '刘洋'],
} as const
/** Members of the demo group other than 王强 and 刘洋 (who posts what). */
const OTHERS = [
  'o-demo-liaison-li',
  'o-demo-rider-zhang',
  'o-demo-rider-chen',
  'o-demo-visitor-zhao',
  'o-demo-staff-canteen',
  'o-demo-staff-station',
  'o-demo-rider-wu',
]

function notice(id: string, author: readonly [string, string], role: string, fields: Fields, readers: [string, boolean][]): Doc[] {
  const audience = [...OTHERS, P.wang[0], P.liu[0]].filter((o) => o !== author[0])
  const createdAt = fields.createdAt as Date
  const reads: Doc[] = readers.map(([openid, acked], i) => ({
    _id: `${id}:${openid}`,
    noticeId: id,
    groupId: GROUP.id,
    openid,
    name: Object.values(P).find((p) => p[0] === openid)?.[1] ?? '骑手朋友',
    readAt: new Date(createdAt.getTime() + (i + 1) * 7 * MINUTE_MS),
    ackAt: acked ? new Date(createdAt.getTime() + (i + 1) * 9 * MINUTE_MS) : null,
  }))
  const doc: Doc = {
    _id: id,
    groupId: GROUP.id,
    groupName: GROUP.name,
    photos: [],
    pendingMedia: [],
    pinned: false,
    expiresAt: null,
    liveUntil: NEVER,
    state: 'live',
    authorOpenid: author[0],
    authorName: author[1],
    authorRole: role,
    updatedAt: createdAt,
    editableUntil: new Date(createdAt.getTime() + 30 * MINUTE_MS),
    editedAt: null,
    readCount: reads.length,
    ackCount: reads.filter((r) => r.ackAt).length,
    audience: audience.length,
    ...fields,
  }
  const unread = audience.filter((o) => !readers.some(([r]) => r === o))
  return [doc, ...reads, { _id: id, groupId: GROUP.id, unread, createdAt, kind: 'audience' }]
}

function noticesOf(now: Date) {
  const ago = (h: number) => new Date(now.getTime() - h * HOUR)
  const rows = [
    ...notice(
      DEMO_FRONT.notice.storm,
      P.wang,
      'admin',
      {
        title: '今晚有雷阵雨，注意骑行安全，万达驿站可避雨',
        body: '气象台发布雷电黄色预警，今晚 18 点后有强降雨。雨天路滑，送餐别抢时间，过路口减速。万达广场红色加油站延长开放到 23 点，可以免费避雨、充电、热饭。',
        category: 'safety',
        pinned: true,
        createdAt: ago(2),
        expiresAt: new Date(now.getTime() + 2 * DAY),
        liveUntil: new Date(now.getTime() + 2 * DAY),
      },
      [
        [P.zhang[0], true],
        [P.chen[0], false],
      ],
    ),
    ...notice(
      DEMO_FRONT.notice.nightSchool,
      P.wang,
      'admin',
      {
        title: '青年夜校本周四开课：电动车保养与安全',
        body: '本周四晚 19:30 在新时代文明实践站（沈梅路 123 号），讲电动车电池保养、雨天刹车和头盔选择，报名免费，名额 40 个，到场就能听。',
        category: 'activity',
        createdAt: ago(26),
        expiresAt: new Date(now.getTime() + 5 * DAY),
        liveUntil: new Date(now.getTime() + 5 * DAY),
      },
      [[P.zhang[0], false]],
    ),
    ...notice(
      DEMO_FRONT.notice.insurance,
      P.li,
      'liaison',
      {
        title: '职业伤害保障：怎么查自己有没有参保',
        body: '在美团、饿了么等平台接单的骑手，平台已为你缴纳新就业形态人员职业伤害保障。打开“上海人社”小程序 → 社保查询，就能看到。查不到或出了事故不知道怎么报，直接在微阵地“问联络员”。',
        category: 'notice',
        createdAt: ago(72),
      },
      [
        [P.zhang[0], true],
        [P.chen[0], true],
        [P.wu[0], false],
      ],
    ),
    ...notice(
      DEMO_FRONT.notice.ebike,
      P.liu,
      'admin',
      {
        title: '互助：谁有多的电动车雨披？',
        body: '新来的小赵还没有雨披，谁有多的可以借他一件，在万达驿站交给周师傅就行。',
        category: 'mutual',
        createdAt: ago(8 * 24),
        expiresAt: ago(24),
        liveUntil: ago(24),
      },
      [
        [P.wang[0], true],
        [P.zhao[0], true],
      ],
    ),
  ]
  const is = (k: string) => (r: Doc) =>
    k === 'audience' ? r.kind === 'audience' : k === 'read' ? 'noticeId' in r : !('noticeId' in r) && r.kind !== 'audience'
  return {
    notices: rows.filter(is('notice')),
    notice_reads: rows.filter(is('read')),
    notice_audience: rows.filter(is('audience')).map(({ kind: _k, ...a }) => a as Doc),
  }
}

function question(id: string, asker: readonly [string, string], text: string, category: string, createdAt: Date, more: Fields): Doc {
  const target = 120 * MINUTE_MS
  return {
    groupId: GROUP.id,
    groupName: GROUP.name,
    askerOpenid: asker[0],
    askerName: asker[1],
    category,
    text,
    photos: [],
    pendingMedia: [],
    state: 'waiting',
    rev: 0,
    thread: [],
    helpful: null,
    createdAt,
    updatedAt: createdAt,
    clock: { spentMs: 0, runningSince: createdAt },
    dueAt: addServiceMs(createdAt, target, DEFAULT_SERVICE_HOURS),
    ...more,
    _id: id,
  }
}

const msg = (by: 'rider' | 'liaison', kind: string, who: readonly [string, string], text: string, at: Date) => ({
  id: `m-demo-${at.getTime().toString(36)}`,
  by,
  kind,
  text,
  photos: [],
  authorOpenid: who[0],
  authorName: who[1],
  at,
})

function questionsOf(now: Date): Doc[] {
  const ago = (m: number) => new Date(now.getTime() - m * MINUTE_MS)
  const answeredAt = new Date(ago(3 * 24 * 60).getTime() + 20 * MINUTE_MS)
  const askedBack = ago(20 * 60)
  const helmetAsked = ago(21 * 60)
  const stopped = (from: Date, to: Date) => ({ spentMs: serviceMsBetween(from, to, DEFAULT_SERVICE_HOURS), runningSince: null })
  return [
    question(
      DEMO_FRONT.question.insurance,
      P.chen,
      '职业伤害保障怎么查自己有没有参保？上个月摔了一跤，不知道能不能报。',
      'insurance',
      ago(50),
      {},
    ),
    question(
      DEMO_FRONT.question.night,
      P.zhao,
      '晚上 11 点以后哪里还能歇脚、充电？万达驿站关了以后就没地方去了。',
      'services',
      ago(150),
      {},
    ),
    question(DEMO_FRONT.question.helmet, P.wu, '头盔在小区门口被人拿走了，能报警吗？', 'help', helmetAsked, {
      state: 'rider',
      thread: [msg('liaison', 'askBack', P.li, '在哪个小区门口？大概几点？有没有看到是谁拿的？我帮你联系物业看监控。', askedBack)],
      clock: stopped(helmetAsked, askedBack),
      dueAt: null,
      updatedAt: askedBack,
      lastLiaisonAt: askedBack,
    }),
    question(DEMO_FRONT.question.canteenCard, P.zhang, '15 元爱心餐需要带什么证件吗？', 'services', ago(3 * 24 * 60), {
      state: 'answered',
      thread: [msg('liaison', 'answer', P.li, '不用带证件。在小程序里完成骑手认证后，在“食堂”里预约时段，凭取餐码取餐就行。', answeredAt)],
      clock: { spentMs: 20 * MINUTE_MS, runningSince: null },
      dueAt: null,
      firstReplyAt: answeredAt,
      firstReplyMs: 20 * MINUTE_MS,
      firstReplyBy: P.li[0],
      helpful: true,
      faqId: DEMO_FRONT.faq.canteenCard,
      updatedAt: answeredAt,
      lastLiaisonAt: answeredAt,
      riderSeenAt: answeredAt,
    }),
    question(DEMO_FRONT.question.verify, P.zhang, '认证要拍什么照片？我是张伟，工牌丢了怎么办？', 'membership', ago(20 * 24 * 60), {
      state: 'closed',
      thread: [msg('liaison', 'answer', P.li, '拍接单 App 里“我的”页面（能看到姓名或工号）也可以，不一定要工牌。', ago(20 * 24 * 60 - 35))],
      clock: { spentMs: 35 * MINUTE_MS, runningSince: null },
      dueAt: null,
      firstReplyAt: ago(20 * 24 * 60 - 35),
      firstReplyMs: 35 * MINUTE_MS,
      helpful: true,
      faqId: DEMO_FRONT.faq.verify,
      closedAt: ago(19 * 24 * 60),
      updatedAt: ago(19 * 24 * 60),
      lastLiaisonAt: ago(20 * 24 * 60 - 35),
      riderSeenAt: ago(19 * 24 * 60),
    }),
  ]
}

/** Extra people, the group's `front` part and the micro-front's collections; `week` = 王强's duty week. */
export function demoFrontDocuments(now: Date, week: { start: Date; end: Date }) {
  const liu: Doc = {
    _id: DEMO_FRONT.admin.liu,
    nickname: '刘洋',
    avatarFileId: null,
    workType: '外卖',
    platform: '美团',
    phone: null,
    roles: ['rider', 'admin'],
    groupIds: [GROUP.id],
    currentGroupId: GROUP.id,
    liaisonOf: [],
    adminOf: [GROUP.id],
    dutyPeriods: [
      { id: DEMO_FRONT.duty.liuLast, groupId: GROUP.id, start: new Date(week.start.getTime() - 7 * DAY), end: week.start },
      { id: DEMO_FRONT.duty.liuNext, groupId: GROUP.id, start: week.end, end: new Date(week.end.getTime() + 7 * DAY) },
    ],
    staffOf: {},
    verification: 'approved',
    verificationId: null,
    createdAt: new Date(now.getTime() - 60 * DAY),
    updatedAt: new Date(now.getTime() - 60 * DAY),
  }
  const handedAt = new Date(week.start.getTime() - 3 * HOUR)
  const handover: Doc = {
    _id: `ho-${GROUP.id}-${week.start.getTime()}`,
    groupId: GROUP.id,
    startAt: week.start,
    fromOpenids: [P.liu[0]],
    fromNames: [P.liu[1]],
    toNames: [P.wang[1]],
    note: '上周下雨多，早上发了三次安全提醒，大家反应挺好。张伟反映万达驿站充电器坏了，已报给周师傅，这周记得问一下修好没有。夜校报名的名单在联络员那里。',
    items: [
      { text: '这一班发过的公告，该撤的已撤下', done: true },
      { text: '还没办完的互助事项已写清楚', done: true },
      { text: '群里需要留意的人和事已说明', done: true },
      { text: '交接内容已告诉联络员', done: true },
    ],
    state: 'confirmed',
    createdAt: handedAt,
    updatedAt: handedAt,
    handedAt,
    confirmedAt: new Date(week.start.getTime() + 9 * HOUR),
    confirmedBy: P.wang[0],
    confirmedByName: P.wang[1],
  }
  const faq = [
    {
      _id: DEMO_FRONT.faq.canteenCard,
      question: '15 元爱心餐需要带证件吗？',
      answer: '不用带证件。在小程序里完成骑手认证后，在“食堂”里预约时段，凭取餐码取餐就行。',
      category: 'services',
      fromQuestionId: DEMO_FRONT.question.canteenCard,
      publishedAt: new Date(now.getTime() - 2 * DAY),
    },
    {
      _id: DEMO_FRONT.faq.verify,
      question: '认证要拍什么照片？工牌丢了怎么办？',
      answer: '拍接单 App 里“我的”页面（能看到姓名或工号）也可以，不一定要工牌。',
      category: 'membership',
      fromQuestionId: DEMO_FRONT.question.verify,
      publishedAt: new Date(now.getTime() - 18 * DAY),
    },
  ].map((f) => ({ ...f, groupId: GROUP.id, state: 'live', publishedBy: P.li[0] }))
  const saved_replies = [
    [
      'sr-demo-insurance',
      '查职业伤害保障',
      '打开“上海人社”小程序 → 社保查询，能看到职业伤害保障的参保记录。查不到的话把平台和接单账号发给我，我帮你问。',
      4,
    ],
    [
      'sr-demo-station',
      '驿站开放时间',
      '万达广场红色加油站每天 07:00–23:00 开放，康沈路工会驿站 24 小时开放。在“驿站”里能看到离你最近、现在开着的。',
      2,
    ],
    ['sr-demo-thanks', '谢谢反映', '谢谢你告诉我们，我已经记下来了，有进展会在这里回复你。', 7],
  ].map(([id, title, text, uses]) => ({
    _id: id as string,
    ownerOpenid: P.li[0],
    title,
    text,
    uses,
    createdAt: new Date(now.getTime() - 30 * DAY),
    updatedAt: new Date(now.getTime() - 30 * DAY),
  }))
  const front = {
    week: { key: weekKey(now), replyMinutes: [12, 20, 26, 41, 95], answered: 5 },
    answeredTotal: 37,
    waiting: 2,
    riderWaiting: 1,
    faqTop: faq.map((f) => ({ id: f._id, question: f.question })),
    faqCount: faq.length,
    activity: [
      { kind: 'notice', text: '王强 发布了公告《今晚有雷阵雨，注意骑行安全，万达驿站可避雨》', at: new Date(now.getTime() - 2 * HOUR) },
      { kind: 'notice', text: '王强 发布了公告《青年夜校本周四开课：电动车保养与安全》', at: new Date(now.getTime() - 26 * HOUR) },
      { kind: 'faq', text: '常见问题新增：15 元爱心餐需要带证件吗？', at: new Date(now.getTime() - 2 * DAY) },
      {
        kind: 'notice',
        text: '李敏（专职联络员） 发布了公告《职业伤害保障：怎么查自己有没有参保》',
        at: new Date(now.getTime() - 3 * DAY),
      },
      { kind: 'handover', text: '刘洋 和 王强 完成了交接班', at: handover.confirmedAt as Date },
    ],
  }
  return {
    users: [liu],
    front,
    collections: { ...noticesOf(now), questions: questionsOf(now), faq, saved_replies, duty_handovers: [handover] },
  }
}
