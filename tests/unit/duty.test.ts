/**
 * Duty periods of group administrators: half-open [start, end) in instants, decided in
 * Asia/Shanghai whatever the machine's TZ (npm test runs jest with TZ=UTC; checked below).
 */
import type { Caller } from '../../cloudfunctions/_lib/caller'
import { type DutyPeriod, isDutyNow, onDutyGroups, overlaps, prunePeriods, shanghaiDateRange } from '../../cloudfunctions/_lib/duty'
import { isOnDutyAdminOf } from '../../cloudfunctions/_lib/guard'
import { demoDutyWeek } from '../../scripts/local-cloud/seed/demo'
import { addDays, dutyRange, formatDutyRange, shanghaiDate } from '../../src/pkg-me/utils/duty-dates'

const G = 'grp-a'
// Monday 23 Nov 2026 00:00 Shanghai = Sunday 22 Nov 16:00 UTC; to Monday 30 Nov 00:00 Shanghai
const week: DutyPeriod = { id: 'd1', groupId: G, ...shanghaiDateRange('2026-11-23', '2026-11-29') }
const ms = (iso: string) => new Date(iso)

test('the machine runs in UTC here, so Shanghai is not the local zone', () => {
  expect(new Date('2026-11-23T00:00:00Z').getTimezoneOffset()).toBe(0)
})

test('Shanghai dates become Shanghai midnights (end exclusive = the day after the last day)', () => {
  expect(week.start.toISOString()).toBe('2026-11-22T16:00:00.000Z')
  expect(week.end.toISOString()).toBe('2026-11-29T16:00:00.000Z')
  // the client's conversion gives the same instants
  const client = dutyRange('2026-11-23', '2026-11-29')
  expect([new Date(client.start).toISOString(), new Date(client.end).toISOString()]).toEqual([
    week.start.toISOString(),
    week.end.toISOString(),
  ])
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  expect(shanghaiDate(ms('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22')
  expect(shanghaiDate(ms('2026-11-22T16:00:00Z'))).toBe('2026-11-23')
  expect(formatDutyRange('2026-11-23T00:00:00+08:00', '2026-11-30T00:00:00+08:00')).toBe('11月23日–11月29日')
  expect(formatDutyRange('2026-11-23T00:00:00+08:00', '2026-11-24T00:00:00+08:00')).toBe('11月23日')
})

test('on duty from the start instant exactly, off duty at the end instant exactly', () => {
  expect(isDutyNow(week, ms('2026-11-22T15:59:59.999Z'))).toBe(false) // Sunday 23:59:59.999 Shanghai
  expect(isDutyNow(week, ms('2026-11-22T16:00:00.000Z'))).toBe(true) // Monday 00:00 Shanghai, exactly
  expect(isDutyNow(week, ms('2026-11-29T15:59:59.999Z'))).toBe(true) // Sunday 23:59:59.999 Shanghai
  expect(isDutyNow(week, ms('2026-11-29T16:00:00.000Z'))).toBe(false) // next Monday 00:00, exactly
})

test('onDutyGroups: admin of the group AND inside one of its periods', () => {
  const other: DutyPeriod = { id: 'd2', groupId: 'grp-b', ...shanghaiDateRange('2026-11-23', '2026-11-23') }
  const at = ms('2026-11-23T04:00:00Z')
  expect(onDutyGroups([G, 'grp-b'], [week, other], at)).toEqual([G, 'grp-b'])
  expect(onDutyGroups([G], [week, other], at)).toEqual([G]) // no longer admin of grp-b: its period does not count
  expect(onDutyGroups([G, 'grp-b'], [week, other], ms('2026-11-23T16:00:00Z'))).toEqual([G]) // grp-b's day is over
  expect(onDutyGroups([G], [], at)).toEqual([])

  const caller = (roles: Caller['roles'], onDutyAdminOf: string[]) => ({ roles, adminOf: [G], onDutyAdminOf }) as unknown as Caller
  expect(isOnDutyAdminOf(caller(['visitor', 'rider', 'admin'], [G]), G)).toBe(true)
  expect(isOnDutyAdminOf(caller(['visitor', 'rider', 'admin'], []), G)).toBe(false)
  expect(isOnDutyAdminOf(caller(['visitor', 'rider'], [G]), G)).toBe(false)
  expect(isOnDutyAdminOf(caller(['visitor', 'rider', 'admin'], [G]), 'grp-b')).toBe(false)
})

test('overlaps: sharing an instant overlaps, touching ends do not', () => {
  const next = { id: 'd3', groupId: G, ...shanghaiDateRange('2026-11-30', '2026-12-06') }
  const lastDay = { id: 'd4', groupId: G, ...shanghaiDateRange('2026-11-29', '2026-11-29') }
  expect(overlaps(week, next)).toBe(false)
  expect(overlaps(next, week)).toBe(false)
  expect(overlaps(week, lastDay)).toBe(true)
  expect(overlaps(week, { start: new Date(week.end.getTime() - 1), end: new Date(week.end.getTime() + 1) })).toBe(true)
  expect(overlaps(week, week)).toBe(true)
})

test('prunePeriods drops the oldest ended periods only when over the limit', () => {
  const now = ms('2027-06-01T00:00:00Z')
  const many = Array.from({ length: 32 }, (_, i) => ({
    id: `p${i}`,
    groupId: G,
    ...shanghaiDateRange(addDays('2026-01-01', i * 2), addDays('2026-01-01', i * 2)),
  }))
  const kept = prunePeriods(many, now)
  expect(kept).toHaveLength(30)
  expect(kept.map((p) => p.id)).not.toContain('p0')
  expect(kept.map((p) => p.id)).not.toContain('p1')
  expect(prunePeriods(many.slice(0, 5), now)).toHaveLength(5)
})

test('the demo admin is on duty this week (Monday to Monday in Shanghai), also late on Sunday UTC', () => {
  const sundayNightShanghai = ms('2026-11-29T15:30:00Z') // Sunday 23:30 Shanghai
  const w = demoDutyWeek(sundayNightShanghai)
  expect([w.start.toISOString(), w.end.toISOString()]).toEqual(['2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z'])
  const mondayEarly = ms('2026-11-29T16:30:00Z') // Monday 00:30 Shanghai, still Sunday in UTC
  expect(demoDutyWeek(mondayEarly).start.toISOString()).toBe('2026-11-29T16:00:00.000Z')
})
