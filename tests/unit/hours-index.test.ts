/**
 * The hours index a station stores for the list's geoNear (hoursIndex / weekMinute): never leaves
 * out a station that is open now or open at night (checked against the exact engine at every
 * quarter hour of two weeks, across midnight, overnight hours and the week's end), and does leave
 * out what is certainly closed.
 */
import {
  type HoursException,
  type HoursInput,
  hoursIndex,
  openAtNight,
  openState,
  type WeeklyHours,
  weekMinute,
} from '../../cloudfunctions/_domain/hours'

const everyDay = [1, 2, 3, 4, 5, 6, 7]
const KINDS: Record<string, WeeklyHours[]> = {
  allDay: [{ days: everyDay, open: '00:00', close: '24:00' }],
  day: [{ days: everyDay, open: '08:00', close: '21:00' }],
  weekdays: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
  evenings: [{ days: everyDay, open: '20:00', close: '02:00', overnight: true }],
  sundayNight: [{ days: [7], open: '22:00', close: '03:00', overnight: true }],
  split: [
    { days: [1, 3, 5], open: '06:00', close: '10:00' },
    { days: [6], open: '23:30', close: '00:00', overnight: true },
  ],
  none: [],
}

const covers = (index: ReturnType<typeof hoursIndex>, m: number) => index.openWeek.some((iv) => iv.from <= m && m < iv.to)

describe('hours index', () => {
  test('weekMinute: Monday 00:00 Shanghai is 0, Sunday 23:59 is the last minute, whatever the machine zone', () => {
    expect(weekMinute(new Date('2026-11-29T16:00:00Z'))).toBe(0) // Mon 30 Nov 00:00 +08:00
    expect(weekMinute(new Date('2026-12-06T15:59:00Z'))).toBe(7 * 1440 - 1) // Sun 6 Dec 23:59 +08:00
    expect(weekMinute(new Date('2026-12-01T04:30:00Z'))).toBe(1440 + 12 * 60 + 30) // Tue 12:30
  })

  test('overnight hours are split at the week end; exceptions make a station possibly open all week', () => {
    expect(hoursIndex(KINDS.sundayNight).openWeek).toEqual([
      { from: 6 * 1440 + 22 * 60, to: 7 * 1440 },
      { from: 0, to: 3 * 60 },
    ])
    expect(hoursIndex(KINDS.weekdays)).toMatchObject({ nightOpen: false })
    expect(hoursIndex(KINDS.none)).toEqual({ openWeek: [], nightOpen: false })
    const ex: HoursException[] = [{ date: '2026-12-25', open: '22:00', close: '23:00' }]
    expect(hoursIndex(KINDS.none, ex)).toEqual({ openWeek: [{ from: 0, to: 7 * 1440 }], nightOpen: true })
  })

  test.each(Object.keys(KINDS))('%s: open now ⇒ indexed for this minute; open at night ⇒ nightOpen; closed days are left out', (kind) => {
    const input: HoursInput = { hours: KINDS[kind], exceptions: [], status: 'open' }
    const index = hoursIndex(input.hours)
    let leftOut = 0
    for (let t = Date.parse('2026-11-29T16:00:00Z') - 3600_000; t < Date.parse('2026-12-13T16:00:00Z'); t += 15 * 60_000) {
      const at = new Date(t)
      const open = openState(input, at).openNow
      if (open) expect([kind, at.toISOString(), covers(index, weekMinute(at))]).toEqual([kind, at.toISOString(), true])
      else if (!covers(index, weekMinute(at))) leftOut++
      if (openAtNight(input, at)) expect([kind, at.toISOString(), index.nightOpen]).toEqual([kind, at.toISOString(), true])
    }
    // the index is not "everything": a station with closed hours is left out at those hours
    if (kind !== 'allDay') expect(leftOut).toBeGreaterThan(0)
  })
})
