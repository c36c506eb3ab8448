/**
 * The one list of the cloud database's collections and their indexes.
 *
 * - Cloud functions name collections only as `COLLECTION.<name>` (a check in `npm test` refuses
 *   a string literal passed to `collection(…)` anywhere under cloudfunctions/).
 * - The local cloud (emulator/) creates exactly these collections and enforces these indexes
 *   (unique indexes raise the real duplicate-key error).
 * - A deployer creates the same collections and indexes in the WeChat Cloud console
 *   (README: "Deploying to a real cloud environment"); `npm run cloud -- --print-indexes` prints them.
 *
 * Index keys follow the console's form: 1 ascending, -1 descending, '2dsphere' geo.
 */
export type IndexDirection = 1 | -1 | '2dsphere'

export interface IndexSpec {
  name: string
  keys: Record<string, IndexDirection>
  unique?: boolean
}

export interface CollectionSpec {
  /** What lives there, for the deployer and the dev page. */
  description: string
  indexes: IndexSpec[]
}

export const COLLECTIONS = {
  users: {
    description: '用户档案（以 openid 为 _id）：角色、所属群、认证状态',
    indexes: [
      { name: 'groups_1', keys: { groupIds: 1 } },
      // 微阵地: who is on duty now / starts tomorrow (fronts roster and the day-before reminder)
      { name: 'admins_1', keys: { adminOf: 1 } },
      { name: 'duty_start', keys: { 'dutyPeriods.start': 1 } },
    ],
  },
  groups: {
    description:
      '微阵地（微信群）：opengid、联络员、名称；front = 微阵地的设置（服务时段、首次回复目标、编辑时限、值班清单）、本周回复用时、待回答数、常见问题前几条、群动态（fronts 维护）',
    indexes: [{ name: 'opengid_unique', keys: { opengid: 1 }, unique: true }],
  },
  audit_log: {
    description: '特权操作审计（只追加）：谁、对谁、做了什么、在哪个群/驿站/食堂、前后状态、是否被拒绝',
    indexes: [
      { name: 'scope_time', keys: { scopeKind: 1, scopeId: 1, at: -1 } },
      { name: 'target_time', keys: { targetOpenid: 1, at: -1 } },
      { name: 'actor_time', keys: { actorOpenid: 1, at: -1 } },
      { name: 'time', keys: { at: -1 } },
    ],
  },
  media_checks: {
    description: '图片内容安全检查（mediaCheckAsync）：_id 为 trace_id，图片属于哪条记录的哪个字段，结果',
    indexes: [{ name: 'file_1', keys: { fileId: 1 } }],
  },
  verifications: {
    description: '小哥认证申请：工种、平台、照片（决定后删除）、联络员的决定',
    indexes: [
      { name: 'group_state_time', keys: { groupId: 1, state: 1, createdAt: 1 } },
      { name: 'openid_state', keys: { openid: 1, state: 1 } },
    ],
  },
  group_invites: {
    description: '群邀请链接（_id 为口令的 SHA-256，到期失效）',
    indexes: [{ name: 'group_time', keys: { groupId: 1, createdAt: -1 } }],
  },
  stations: {
    description: '红色加油站与合作驿站',
    indexes: [
      { name: 'location_2dsphere', keys: { location: '2dsphere' } },
      { name: 'status_1', keys: { status: 1 } },
    ],
  },
  station_problems: {
    description: '骑手报告的驿站服务问题',
    indexes: [
      { name: 'station_state', keys: { stationId: 1, state: 1 } },
      // One open problem per station+service+kind: duplicate reports merge into it (resolving frees the key).
      { name: 'open_key_unique', keys: { openKey: 1 }, unique: true },
      { name: 'reporters_time', keys: { reporters: 1, createdAt: -1 } },
    ],
  },
  station_checkins: {
    description: '驿站扫码签到',
    indexes: [{ name: 'rider_station_hour_unique', keys: { openid: 1, stationId: 1, hourKey: 1 }, unique: true }],
  },
  canteens: {
    description: '小哥食堂：地址与位置、营业日、保温柜数量、预约规则（截止、免费取消、保温、爽约、限购）、补贴标准（meals 函数）',
    indexes: [],
  },
  meal_dishes: {
    description: '食堂的菜品库：菜名、照片（内容安全检查通过前只有上传者可见）、过敏原',
    indexes: [{ name: 'canteen_name', keys: { canteenId: 1, name: 1 } }],
  },
  meal_menus: {
    description: '食堂每天的套餐（_id 为 食堂_日期）：菜品、价格、是否补贴、午餐/晚餐、售完',
    indexes: [{ name: 'canteen_date', keys: { canteenId: 1, date: 1 } }],
  },
  meal_slots: {
    description:
      '食堂每日取餐时段（_id 为 食堂_日期_开始时间，一个食堂一天一个开始时间只有一个时段）：容量、已约、剩余名额、补贴名额、截止时间',
    indexes: [
      { name: 'canteen_date', keys: { canteenId: 1, date: 1 } },
      // The settle timer: slots whose hold time ended (checked), days that are over (settled).
      { name: 'checked_settle', keys: { checked: 1, settleAt: 1 } },
      { name: 'settled_date', keys: { settled: 1, date: 1 } },
    ],
  },
  meal_bookings: {
    description: '爱心餐预约（_id 由客户端 requestId 而来，重试只记一次）：取餐码、保温柜、状态、补贴、到柜台付款',
    indexes: [
      // One booking per rider per service (lunch / dinner) per day: serviceKey = 日期_餐次 while the booking is active.
      { name: 'rider_service_unique', keys: { openid: 1, serviceKey: 1 }, unique: true },
      // Pickup codes are unique per canteen and day through the slot that issues them (meal_slots.codes).
      { name: 'canteen_code', keys: { canteenId: 1, code: 1 } },
      { name: 'slot_state', keys: { slotId: 1, state: 1 } },
      { name: 'canteen_date_state', keys: { canteenId: 1, date: 1, state: 1 } },
      { name: 'rider_time', keys: { openid: 1, startsAt: -1 } },
      // strikes against the no-show policy (no-shows and late cancels), per rider and canteen
      { name: 'rider_strikes', keys: { openid: 1, canteenId: 1, struckAt: -1 } },
      { name: 'state_hold', keys: { state: 1, holdUntil: 1 } },
    ],
  },
  meal_lockers: {
    description: '恒温保温柜（_id 为 食堂_柜号）：现在放着哪份预约（同一时间一柜一餐）',
    indexes: [{ name: 'canteen_no', keys: { canteenId: 1, no: 1 } }],
  },
  meal_ledgers: {
    description: '爱心餐补贴台账（_id 为 食堂_月份）：本期预算、每份补贴、尚未分配的额度；已领取的补贴记在取餐的那条预约上',
    indexes: [{ name: 'canteen_period', keys: { canteenId: 1, period: -1 } }],
  },
  topics: {
    description:
      '协商议事议题：内容、分类、地点、状态与公开时间线、答复期限、议事会、答复、支持/关注/报名/举报（按 openid 的小表，从不返回给别人）',
    indexes: [
      { name: 'status_time', keys: { status: 1, createdAt: -1 } },
      { name: 'time', keys: { createdAt: -1 } },
      { name: 'category_time', keys: { category: 1, createdAt: -1 } },
      { name: 'support_time', keys: { supportCount: -1, createdAt: -1 } },
      { name: 'status_due', keys: { status: 1, dueAt: 1 } },
      { name: 'author_time', keys: { authorOpenid: 1, createdAt: -1 } },
      { name: 'group_status', keys: { groupId: 1, status: 1, createdAt: -1 } },
      { name: 'terms_1', keys: { terms: 1 } },
      { name: 'title_terms_1', keys: { titleTerms: 1 } },
      { name: 'month_category', keys: { monthKey: 1, category: 1 } },
      { name: 'reports_1', keys: { openReports: -1 } },
      // One topic per client request: its _id is derived from the author and the requestId.
      { name: 'location_2dsphere', keys: { location: '2dsphere' } },
    ],
  },
  topic_comments: {
    description: '议题评论与回复（一层）：立场（支持/中立/反对）、10 分钟内可改、举报与审核',
    indexes: [
      { name: 'topic_time', keys: { topicId: 1, createdAt: 1 } },
      { name: 'author_time', keys: { authorOpenid: 1, createdAt: -1 } },
      { name: 'group_reports', keys: { groupId: 1, openReports: -1 } },
    ],
  },
  topic_supports: {
    description: '“我也遇到”：每人每个议题一条（撤回后可再支持）',
    indexes: [
      { name: 'topic_person_unique', keys: { topicId: 1, openid: 1 }, unique: true },
      { name: 'person_time', keys: { openid: 1, active: 1, at: -1 } },
    ],
  },
  topic_follows: {
    description: '关注议题（收进展通知）：每人每个议题一条',
    indexes: [
      { name: 'topic_person_unique', keys: { topicId: 1, openid: 1 }, unique: true },
      { name: 'person_time', keys: { openid: 1, active: 1, at: -1 } },
    ],
  },
  topic_config: {
    description: '议事设置（镇里维护）：分类列表、须书面答复的支持门槛',
    indexes: [],
  },
  notices: {
    description: '微阵地公告：群、标题、正文、分类、照片、置顶、到期、作者、编辑与撤回、已读和“收到”计数',
    indexes: [
      { name: 'group_live', keys: { groupId: 1, state: 1, liveUntil: 1, pinned: -1, createdAt: -1 } },
      { name: 'group_time', keys: { groupId: 1, createdAt: -1 } },
      { name: 'author_time', keys: { authorOpenid: 1, createdAt: -1 } },
    ],
  },
  notice_reads: {
    description: '公告已读与“收到”：每人每条公告一条（唯一），readAt / ackAt',
    indexes: [
      { name: 'notice_reader_unique', keys: { noticeId: 1, openid: 1 }, unique: true },
      { name: 'notice_ack', keys: { noticeId: 1, ackAt: 1, readAt: -1 } },
      { name: 'reader_time', keys: { openid: 1, readAt: -1 } },
    ],
  },
  notice_audience: {
    description: '公告发布时群里的人（_id = 公告 id）：还没看的 openid 列表，看了就移出',
    indexes: [],
  },
  notifications: {
    description: '站内通知（订阅消息之外始终保存一份）',
    indexes: [{ name: 'openid_time', keys: { openid: 1, createdAt: -1 } }],
  },
  questions: {
    description: '骑手向联络员的提问（只有提问人、本群联络员和值班管理员看得到）：对话、状态、首次回复计时（服务时段内、等骑手时暂停）',
    indexes: [
      { name: 'group_state_due', keys: { groupId: 1, state: 1, dueAt: 1 } },
      { name: 'group_state_time', keys: { groupId: 1, state: 1, updatedAt: -1 } },
      { name: 'asker_time', keys: { askerOpenid: 1, createdAt: -1 } },
      { name: 'state_due', keys: { state: 1, dueAt: 1 } },
    ],
  },
  saved_replies: {
    description: '联络员的常用回复（每位联络员自己的）',
    indexes: [{ name: 'owner_time', keys: { ownerOpenid: 1, updatedAt: -1 } }],
  },
  faq: {
    description: '群的常见问题：由联络员从好的回答整理发布，不含提问人',
    indexes: [{ name: 'group_state_time', keys: { groupId: 1, state: 1, publishedAt: -1 } }],
  },
  front_alerts: {
    description: '愿意收安全提醒订阅消息的人：每人每群一条，剩余可发次数（一次订阅发一条）',
    indexes: [{ name: 'group_credits', keys: { groupId: 1, credits: 1 } }],
  },
  duty_swaps: {
    description: '轮值管理员换班：发起人、对方、双方的值班时段、对方同意、联络员批准',
    indexes: [
      { name: 'group_state_time', keys: { groupId: 1, state: 1, createdAt: -1 } },
      { name: 'from_time', keys: { fromOpenid: 1, createdAt: -1 } },
      { name: 'to_time', keys: { toOpenid: 1, createdAt: -1 } },
    ],
  },
  duty_handovers: {
    description: '交接班：上一班写给下一班的交接说明和清单，下一班确认接班（_id = 群 + 接班时刻）',
    indexes: [{ name: 'group_time', keys: { groupId: 1, startAt: -1 } }],
  },
  front_marks: {
    description: '微阵地定时任务做过的事（_id 唯一：值班前一天的提醒、快超时的提醒），保证只做一次',
    indexes: [],
  },
} as const satisfies Record<string, CollectionSpec>

export type CollectionName = keyof typeof COLLECTIONS

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[]

/** `db.collection(COLLECTION.users)`: a collection name that is not declared above does not compile. */
export const COLLECTION = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, n])) as { readonly [K in CollectionName]: K }
