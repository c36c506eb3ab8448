/**
 * Demo data for 周浦镇 (this app's seed for the local cloud; the emulator itself knows nothing of it): the people of every role (listed in emulator/README.md), a WeChat group
 * with its liaison and roster, stations around the town with real-looking coordinates and hours,
 * the riders' canteen with a week of slots, topics at different stages, notices and questions.
 * Idempotent: documents have fixed `_id`s and are only added when missing.
 */
import { type HoursException, hoursIndex, type WeeklyHours } from '../../../cloudfunctions/_domain/hours'
import type { Role } from '../../../cloudfunctions/_lib/roles'
import { businessDate, shanghai, shanghaiInstant } from '../../../cloudfunctions/_lib/time'
import type { LocalDatabase } from '../../../emulator/db'
import { demoCanteen } from './demo-canteen'
import { DEMO_FRONT, demoFrontDocuments } from './demo-fronts'
import { DEMO_TOPIC, demoTopicDocuments } from './demo-topics'

type Doc = Record<string, unknown> & { _id: string }

/** A station as the stations function stores it: with the hours index its list queries by. */
const withHoursIndex = (doc: Doc): Doc => ({
  ...doc,
  ...hoursIndex(doc.hours as WeeklyHours[], (doc.exceptions ?? []) as HoursException[]),
})

export const DEMO_GROUP_OPENGID = 'G-demo-zhoupu-wanda'
export const DEMO_GROUP_ID = 'grp-zhoupu-wanda'
/** A second group with its own liaison: for "not your group" checks and riders in several groups. */
export const DEMO_GROUP2_OPENGID = 'G-demo-kangqiao'
export const DEMO_GROUP2_ID = 'grp-kangqiao'

export interface DemoPerson {
  openid: string
  nickname: string
  roles: readonly Role[]
  workType: string | null
  /** groups the person is in (default: the demo group; town: none) */
  groupIds?: readonly string[]
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { openid: 'o-demo-town-office', nickname: '周浦镇党群办 周主任', roles: ['town'], workType: null },
  { openid: 'o-demo-liaison-li', nickname: '李敏（专职联络员）', roles: ['liaison'], workType: null },
  { openid: 'o-demo-admin-wang', nickname: '王强', roles: ['rider', 'admin'], workType: '外卖' },
  { openid: 'o-demo-rider-zhang', nickname: '张伟', roles: ['rider'], workType: '快递' },
  { openid: 'o-demo-rider-chen', nickname: '陈磊', roles: ['rider'], workType: '网约车' },
  { openid: 'o-demo-visitor-zhao', nickname: '赵刚', roles: [], workType: '外卖' },
  { openid: 'o-demo-staff-canteen', nickname: '刘阿姨（食堂）', roles: ['staff'], workType: null },
  { openid: 'o-demo-staff-station', nickname: '周师傅（驿站）', roles: ['staff'], workType: null },
  { openid: 'o-demo-liaison-sun', nickname: '孙丽（康桥联络员）', roles: ['liaison'], workType: null, groupIds: [DEMO_GROUP2_ID] },
  { openid: 'o-demo-rider-wu', nickname: '吴涛', roles: ['rider'], workType: '外卖', groupIds: [DEMO_GROUP2_ID, DEMO_GROUP_ID] },
]

/** The demo town account: the local cloud lists it in the functions' TOWN_BOOTSTRAP_OPENIDS (scripts/local-cloud/app.ts). */
export const DEMO_TOWN_OPENID = 'o-demo-town-office'

/** Named ids of the demo town, so tests stop redefining them. */
export const DEMO = {
  town: DEMO_TOWN_OPENID,
  liaison: { li: 'o-demo-liaison-li', sun: 'o-demo-liaison-sun' },
  admin: { wang: 'o-demo-admin-wang' },
  rider: { zhang: 'o-demo-rider-zhang', chen: 'o-demo-rider-chen', wu: 'o-demo-rider-wu' },
  visitor: { zhao: 'o-demo-visitor-zhao' },
  staff: { canteen: 'o-demo-staff-canteen', station: 'o-demo-staff-station' },
  group: { zhoupu: { id: DEMO_GROUP_ID, opengid: DEMO_GROUP_OPENGID }, kangqiao: { id: DEMO_GROUP2_ID, opengid: DEMO_GROUP2_OPENGID } },
  station: {
    wanda: 'st-wanda',
    civic: 'st-civic',
    xiuyan: 'st-xiuyan',
    unionKangqiao: 'st-union-kangqiao',
    store24h: 'st-store-24h',
    closedRepair: 'st-closed-repair',
  },
  canteen: { zhoupu: 'canteen-zhoupu' },
  duty: { wang: 'duty-demo-wang' },
  verification: { zhao: 'vf-demo-zhao' },
  front: DEMO_FRONT,
  topic: DEMO_TOPIC,
} as const

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] })
const everyDay = [1, 2, 3, 4, 5, 6, 7]

/** This week in Asia/Shanghai, Monday 00:00 to next Monday 00:00: 王强's duty as the demo group's admin. */
export function demoDutyWeek(now = new Date()): { start: Date; end: Date } {
  const sinceMonday = (shanghai(now).day() + 6) % 7
  const start = shanghaiInstant(businessDate(new Date(now.getTime() - sinceMonday * 86400000)), '00:00')
  return { start, end: new Date(start.getTime() + 7 * 86400000) }
}

export function demoDocuments(now = new Date()): Record<string, Doc[]> {
  const created = new Date(now.getTime() - 30 * 86400000)
  // the micro-front (notices, questions, FAQ, a second rotating admin): seed/demo-fronts.ts
  const front = demoFrontDocuments(now, demoDutyWeek(now))
  const users: Doc[] = DEMO_PEOPLE.map((p) => ({
    _id: p.openid,
    nickname: p.nickname,
    avatarFileId: null,
    workType: p.workType,
    platform: p.workType === '外卖' ? '美团' : p.workType === '快递' ? '中通' : p.workType === '网约车' ? '滴滴' : null,
    phone: null,
    // town is NOT stored: it comes from TOWN_BOOTSTRAP_OPENIDS (the local cloud sets it to this person)
    roles: p.roles.filter((r) => r !== 'town'),
    groupIds: [...(p.groupIds ?? (p.roles.includes('town') ? [] : [DEMO_GROUP_ID]))],
    currentGroupId: (p.groupIds ?? (p.roles.includes('town') ? [] : [DEMO_GROUP_ID]))[0] ?? null,
    liaisonOf: p.roles.includes('liaison') ? [(p.groupIds ?? [DEMO_GROUP_ID])[0]] : [],
    adminOf: p.roles.includes('admin') ? [DEMO_GROUP_ID] : [],
    dutyPeriods: p.roles.includes('admin') ? [{ id: 'duty-demo-wang', groupId: DEMO_GROUP_ID, ...demoDutyWeek(now) }] : [],
    staffOf:
      p.openid === 'o-demo-staff-canteen'
        ? { canteen: ['canteen-zhoupu'] }
        : p.openid === 'o-demo-staff-station'
          ? { station: ['st-wanda'] }
          : {},
    verification: p.roles.includes('rider') ? 'approved' : p.openid === 'o-demo-visitor-zhao' ? 'pending' : 'none',
    verificationId: p.openid === 'o-demo-visitor-zhao' ? 'vf-demo-zhao' : null,
    createdAt: created,
    updatedAt: created,
  }))

  const groups: Doc[] = [
    {
      _id: DEMO_GROUP_ID,
      opengid: DEMO_GROUP_OPENGID,
      name: '周浦万达骑手之家群',
      liaisonOpenid: 'o-demo-liaison-li',
      memberCount:
        DEMO_PEOPLE.filter((p) => (p.groupIds ?? (p.roles.includes('town') ? [] : [DEMO_GROUP_ID])).includes(DEMO_GROUP_ID)).length +
        front.users.length,
      // the micro-front's part (fronts): this week's reply figures, counters, FAQ, activity
      front: front.front,
      createdAt: created,
    },
    {
      _id: DEMO_GROUP2_ID,
      opengid: DEMO_GROUP2_OPENGID,
      name: '康桥骑手互助群',
      liaisonOpenid: 'o-demo-liaison-sun',
      memberCount: 2,
      createdAt: created,
    },
  ]

  // 赵刚 asked to be verified in the demo group (no photo in the demo storage).
  const verifications: Doc[] = [
    {
      _id: 'vf-demo-zhao',
      openid: 'o-demo-visitor-zhao',
      groupId: DEMO_GROUP_ID,
      workType: '外卖',
      platform: '饿了么',
      photoFileId: null,
      state: 'pending',
      reason: null,
      createdAt: new Date(now.getTime() - 95 * 60000),
    },
  ]

  const station = (id: string, name: string, address: string, lng: number, lat: number, extra: Partial<Doc>): Doc =>
    withHoursIndex({
      _id: id,
      name,
      address,
      location: point(lng, lat),
      provider: 'town',
      services: ['heating', 'water', 'restroom', 'rest', 'phone_charging', 'medkit'],
      serviceState: {},
      hours: [{ days: everyDay, open: '08:00', close: '21:00' }],
      hoursText: '每天 08:00–21:00',
      status: 'open',
      phone: '021-58110000',
      lastVerifiedAt: now,
      lastVerifiedBy: 'o-demo-staff-station',
      lastVerifiedByName: '周师傅（驿站）',
      // The printable check-in code's current version (stations.issueCheckinCode); older prints are refused.
      checkin: { version: 1, issuedOn: businessDate(created) },
      capacityNote: null,
      createdAt: created,
      ...extra,
    } as Doc)
  const stations: Doc[] = [
    station('st-wanda', '万达广场红色加油站', '浦东新区周浦镇年家浜路 518 号 万达广场 1 号门旁', 121.5746, 31.1168, {
      services: ['heating', 'water', 'restroom', 'rest', 'phone_charging', 'ebike_charging', 'medkit', 'aed', 'wifi'],
      hours: [{ days: everyDay, open: '07:00', close: '23:00' }],
      hoursText: '每天 07:00–23:00',
      groupId: DEMO_GROUP_ID,
      capacityNote: '室内 12 个座位，门口可停 20 辆电动车',
    }),
    station('st-civic', '周浦镇新时代文明实践站 · 骑手驿站', '浦东新区周浦镇沈梅路 123 号', 121.5702, 31.1225, {}),
    station('st-xiuyan', '繁荣社区党群服务站', '浦东新区周浦镇秀沿路 1380 弄', 121.5851, 31.1279, {
      hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
      hoursText: '工作日 09:00–18:00',
      services: ['water', 'restroom', 'rest', 'phone_charging', 'medkit'],
    }),
    station('st-union-kangqiao', '工会户外职工爱心驿站（康沈路）', '浦东新区周浦镇康沈路 2899 号', 121.5906, 31.1102, {
      provider: 'union',
      hours: [{ days: everyDay, open: '00:00', close: '24:00' }],
      hoursText: '24 小时',
      services: ['heating', 'water', 'rest', 'phone_charging', 'ebike_charging'],
    }),
    station('st-store-24h', '合作便利店 · 骑手歇脚点（周园路）', '浦东新区周浦镇周园路 211 号', 121.5654, 31.1139, {
      provider: 'store_24h',
      hours: [{ days: everyDay, open: '00:00', close: '24:00' }],
      hoursText: '24 小时',
      services: ['heating', 'water', 'phone_charging'],
    }),
    station('st-closed-repair', '周东路驿站（装修暂停）', '浦东新区周浦镇周东路 650 号', 121.5788, 31.1051, {
      status: 'closed',
      closedReason: '内部装修，预计下月恢复开放',
    }),
  ]

  const canteen = demoCanteen(now, created)

  return {
    users: [...users, ...front.users],
    groups,
    verifications,
    stations,
    ...canteen,
    ...demoTopicDocuments(now),
    ...front.collections,
  }
}

/** Add the demo documents that are missing; returns how many were added. */
export function seedDemo(db: LocalDatabase, now = new Date()): number {
  let added = 0
  for (const [collection, docs] of Object.entries(demoDocuments(now))) {
    const existing = new Set(db.find(collection, { _id: { $in: docs.map((d) => d._id) } }, { limit: 1000 }).map((d) => String(d._id)))
    const missing = docs.filter((d) => !existing.has(d._id))
    if (missing.length) db.insert(collection, missing)
    added += missing.length
  }
  return added
}
