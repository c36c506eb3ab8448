/** The client's business-time formatting (src/utils/shanghai-day.ts): read from the +08:00 string, never the phone's zone. */
import {
  addDays,
  clockOf,
  dayTime,
  formatShanghaiDay,
  monthDay,
  relativeTime,
  shanghaiDate,
  shanghaiMidnight,
  shortDay,
} from '../../src/utils/shanghai-day'

describe('shanghai-day', () => {
  test('the Shanghai date of an instant turns at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01')
    expect(shanghaiDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02')
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
  })

  test('adding days crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(shanghaiMidnight('2026-12-01')).toBe('2026-12-01T00:00:00+08:00')
  })

  test('dates and clocks are read from the string as written', () => {
    expect(monthDay('2026-01-05')).toBe('1月5日')
    expect(formatShanghaiDay('2026-11-26T23:30:00+08:00')).toBe('11月26日 星期四')
    expect(shortDay('2026-12-03')).toBe('12月3日 周四')
    expect(shortDay('soon')).toBe('soon')
    expect(dayTime('2026-11-26T00:05:00+08:00')).toBe('11月26日 00:05')
    expect(dayTime('2026-11-26')).toBe('')
    expect(dayTime(null)).toBe('')
    expect(clockOf('2026-11-26T18:30:00+08:00')).toBe('18:30')
    expect(clockOf(null)).toBe('')
  })

  test('relative times: today, yesterday (also across a year), this year, another year', () => {
    expect(relativeTime('2026-12-01T14:05:00+08:00', '2026-12-01')).toBe('今天 14:05')
    expect(relativeTime('2026-12-31T23:59:00+08:00', '2027-01-01')).toBe('昨天 23:59')
    expect(relativeTime('2026-11-20T18:00:00+08:00', '2026-12-01')).toBe('11月20日 18:00')
    expect(relativeTime('2025-11-20T18:00:00+08:00', '2026-12-01')).toBe('2025年11月20日 18:00')
    expect(relativeTime('garbage', '2026-12-01')).toBe('')
  })
})
