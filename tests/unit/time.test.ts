/** Business time is Asia/Shanghai whatever the machine's TZ (jest runs with TZ=UTC in npm test). */
import { businessDate, greetingFor, isoShanghai, minuteOfDay, shanghaiInstant } from '../../cloudfunctions/_lib/time'

describe('Asia/Shanghai business time', () => {
  test('the business day turns at Shanghai midnight, not UTC midnight', () => {
    expect(businessDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26')
    expect(businessDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27')
  })
  test('minute of day and instants round-trip', () => {
    expect(minuteOfDay(new Date('2026-11-26T03:30:00Z'))).toBe(11 * 60 + 30)
    expect(shanghaiInstant('2026-11-26', '11:30').toISOString()).toBe('2026-11-26T03:30:00.000Z')
    expect(isoShanghai(new Date('2026-11-26T03:30:00Z'))).toBe('2026-11-26T11:30:00+08:00')
  })
  test('greeting follows Shanghai hours', () => {
    expect(greetingFor(new Date('2026-11-26T04:00:00Z'))).toBe('中午好') // 12:00 Shanghai
    expect(greetingFor(new Date('2026-11-26T23:00:00Z'))).toBe('早上好') // 07:00 Shanghai
  })
})
