/** Texts of the pkg-me consoles: the audit log in Chinese, notice links and times, invite tokens. */
import type { AuditItem } from '../../cloudfunctions/users/contract'
import { auditChange, auditSentence, type PlaceNames } from '../../src/pkg-me/utils/audit-text'
import { noticeTarget, noticeTime } from '../../src/pkg-me/utils/notice-page'
import { inviteTokenFrom, tokenInText } from '../../src/services/users/invite-link'

const names: PlaceNames = {
  group: (id) => ({ 'grp-a': '康桥骑手互助群' })[id] ?? id,
  station: (id) => ({ 'st-wanda': '万达广场红色加油站' })[id] ?? id,
  canteen: (id) => ({ 'canteen-zhoupu': '周浦小哥食堂' })[id] ?? id,
}
const state = (extra: Record<string, unknown> = {}) => ({
  roles: ['rider'],
  liaisonOf: [],
  adminOf: [],
  staffOf: { canteen: [], station: [] },
  verification: 'approved',
  duty: [],
  ...extra,
})
const entry = (e: Partial<AuditItem>): AuditItem => ({
  id: 'a1',
  at: '2026-11-26T14:05:00+08:00',
  actorOpenid: 'o-town',
  actorName: '周主任',
  targetOpenid: 'o-chen',
  targetName: '陈磊',
  action: 'grant',
  role: 'liaison',
  scope: { kind: 'group', id: 'grp-a' },
  outcome: 'applied',
  before: state(),
  after: state({ roles: ['rider', 'liaison'], liaisonOf: ['grp-a'] }),
  detail: null,
  note: null,
  ...e,
})

test('audit: who did what to whom, and the role state before → after', () => {
  expect(auditSentence(entry({}), names)).toBe('周主任 把 陈磊 设为「康桥骑手互助群」的联络员')
  expect(auditChange(entry({}), names)).toBe('小哥 → 小哥、联络员（康桥骑手互助群）')
  const staff = entry({
    role: 'staff',
    scope: { kind: 'canteen', id: 'canteen-zhoupu' },
    after: state({ roles: ['rider', 'staff'], staffOf: { canteen: ['canteen-zhoupu'], station: [] } }),
  })
  expect(auditSentence(staff, names)).toBe('周主任 把 陈磊 设为「周浦小哥食堂」的站点人员')
  expect(auditChange(staff, names)).toBe('小哥 → 小哥、站点人员（周浦小哥食堂）')
  const denied = entry({ outcome: 'denied', before: null, after: null, action: 'revoke', role: 'town', scope: { kind: 'town', id: null } })
  expect(auditSentence(denied, names)).toBe('周主任 试图收回 陈磊 的镇里账号')
  expect(auditChange(denied, names)).toBeNull()
  const duty = entry({
    action: 'dutyAdd',
    role: 'admin',
    after: state({
      roles: ['rider', 'admin'],
      adminOf: ['grp-a'],
      duty: [{ id: 'd1', groupId: 'grp-a', start: '2026-11-29T16:00:00.000Z', end: '2026-12-06T16:00:00.000Z' }],
    }),
  })
  expect(auditSentence(duty, names)).toBe('周主任 安排 陈磊 在「康桥骑手互助群」值班 11月30日–12月6日')
  expect(auditChange(duty, names)).toBe('小哥 → 小哥、轮值管理员（康桥骑手互助群）、值班 1 段')
  expect(
    auditSentence(entry({ action: 'verify', role: 'rider', after: state({ verification: 'rejected' }), note: '照片看不清' }), names),
  ).toBe('周主任 驳回了 陈磊 的小哥认证（照片看不清）')
  // a liaison's removal names the group; town's revocation says it is town-wide
  expect(auditSentence(entry({ action: 'removeMember', role: 'rider' }), names)).toBe('周主任 把 陈磊 移出了「康桥骑手互助群」')
  expect(auditSentence(entry({ action: 'revoke', role: 'rider', scope: { kind: 'town', id: null } }), names)).toBe(
    '周主任 收回了 陈磊 的小哥认证（全镇）',
  )
  expect(auditSentence(entry({ action: 'revoke', role: 'liaison', note: '联络员已转交给别人' }), names)).toBe(
    '周主任 收回了 陈磊 「康桥骑手互助群」的联络员（联络员已转交给别人）',
  )
  const invite = entry({ action: 'inviteCreate', targetOpenid: null, targetName: null, before: null, after: null, note: '最多 20 人' })
  expect(auditSentence(invite, names)).toBe('周主任 生成了「康桥骑手互助群」的邀请码（最多 20 人）')
  expect(auditChange(invite, names)).toBeNull()
  // another function's entry: said plainly, in its own place
  const station = entry({ action: 'closeStation', role: 'staff', scope: { kind: 'station', id: 'st-wanda' }, before: null, after: null })
  expect(auditSentence(station, names)).toBe('周主任 在「万达广场红色加油站」进行了“closeStation”（对象：陈磊）')
})

test('notices open their page: tab pages by switchTab, others by navigateTo, junk goes to 我的', () => {
  expect(noticeTarget('pages/stations/index')).toEqual({ api: 'switchTab', url: '/pages/stations/index' })
  expect(noticeTarget('/pkg-stations/detail/index?id=st-wanda')).toEqual({
    api: 'navigateTo',
    url: '/pkg-stations/detail/index?id=st-wanda',
  })
  expect(noticeTarget('javascript:alert(1)')).toEqual({ api: 'switchTab', url: '/pages/me/index' })
  expect(noticeTarget('')).toEqual({ api: 'switchTab', url: '/pages/me/index' })
})

test('notice times read the Shanghai wall clock from the string', () => {
  expect(noticeTime('2026-11-26T14:05:00+08:00', '2026-11-26')).toBe('今天 14:05')
  expect(noticeTime('2026-11-25T23:59:00+08:00', '2026-11-26')).toBe('昨天 23:59')
  expect(noticeTime('2026-11-01T08:00:00+08:00', '2026-11-26')).toBe('11月1日 08:00')
  expect(noticeTime('2025-12-31T08:00:00+08:00', '2026-01-02')).toBe('2025年12月31日 08:00')
  expect(noticeTime('', '2026-11-26')).toBe('')
})

test('the join page takes the token from t, from a scanned plain-link QR (q), or from a text scanned in the app', () => {
  expect(inviteTokenFrom({ t: 'abc_DEF-123' })).toBe('abc_DEF-123')
  expect(inviteTokenFrom({ q: encodeURIComponent('https://xgzj.example.cn/join?t=abc_DEF-123') })).toBe('abc_DEF-123')
  expect(inviteTokenFrom({ q: encodeURIComponent('https://xgzj.example.cn/join') })).toBe('')
  expect(inviteTokenFrom({})).toBe('')
  expect(tokenInText('https://xgzj.example.cn/join?t=abcdefghijklmnopqrst_-12')).toBe('abcdefghijklmnopqrst_-12')
  expect(tokenInText('https://other.example/?x=1')).toBe('')
})
