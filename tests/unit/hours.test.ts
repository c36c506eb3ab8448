/**
 * The opening-hours engine with explicit instants (jest runs with TZ=UTC): boundary minutes in
 * Asia/Shanghai, overnight hours, 24 h, holidays, temporary closure, validation of bad rules.
 */
import {
  type HoursInput,
  hoursText,
  openAtNight,
  openState,
  stateHint,
  validateExceptions,
  validateWeekly,
} from '../../cloudfunctions/_domain/hours'
import { reportLabel, reportOptions } from '../../cloudfunctions/stations/report-options'

/** An instant given as Shanghai wall time. 2026-11-26 is a Thursday. */
const sh = (local: string) => new Date(`${local}:00+08:00`)
const everyDay = [1, 2, 3, 4, 5, 6, 7]
const day8to21: HoursInput = { hours: [{ days: everyDay, open: '08:00', close: '21:00' }] }

describe('open now at boundary minutes (Asia/Shanghai, machine in UTC)', () => {
  test('opens at 08:00 exactly, not at 07:59', () => {
    expect(openState(day8to21, sh('2026-11-26T07:59')).openNow).toBe(false)
    expect(openState(day8to21, sh('2026-11-26T07:59')).minutesToOpen).toBe(1)
    expect(openState(day8to21, sh('2026-11-26T08:00')).openNow).toBe(true)
  })
  test('closes at 21:00: open at 20:59 with 1 minute left, closed at 21:00', () => {
    const s = openState(day8to21, sh('2026-11-26T20:59'))
    expect(s.openNow).toBe(true)
    expect(s.minutesToClose).toBe(1)
    expect(stateHint(s, sh('2026-11-26T20:59'))).toBe('还有 1 分钟关门')
    const c = openState(day8to21, sh('2026-11-26T21:00'))
    expect(c.openNow).toBe(false)
    expect(c.opensAt?.toISOString()).toBe(sh('2026-11-27T08:00').toISOString())
    expect(stateHint(c, sh('2026-11-26T21:00'))).toBe('明天 08:00 开门')
  })
  test('hints: far from closing, soon opening', () => {
    expect(stateHint(openState(day8to21, sh('2026-11-26T12:00')), sh('2026-11-26T12:00'))).toBe('营业到 21:00')
    expect(stateHint(openState(day8to21, sh('2026-11-26T07:15')), sh('2026-11-26T07:15'))).toBe('45 分钟后开门')
    expect(stateHint(openState(day8to21, sh('2026-11-26T03:00')), sh('2026-11-26T03:00'))).toBe('今天 08:00 开门')
  })
  test('UTC midnight is not the business day boundary', () => {
    // 2026-11-26T23:30Z is Friday 07:30 in Shanghai: a weekday-only station opening at 07:00 is open.
    const weekdays: HoursInput = { hours: [{ days: [1, 2, 3, 4, 5], open: '07:00', close: '09:00' }] }
    expect(openState(weekdays, new Date('2026-11-26T23:30:00Z')).openNow).toBe(true)
  })
})

describe('weekday-only, overnight and 24 h', () => {
  const weekdays: HoursInput = { hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }] }
  test('a weekday-only station is closed on Saturday and opens on Monday', () => {
    const sat = sh('2026-11-28T10:00')
    const s = openState(weekdays, sat)
    expect(s.openNow).toBe(false)
    expect(s.opensAt?.toISOString()).toBe(sh('2026-11-30T09:00').toISOString())
    expect(stateHint(s, sat)).toBe('后天 09:00 开门')
    const fri = sh('2026-11-27T19:00')
    expect(stateHint(openState(weekdays, fri), fri)).toBe('周一 09:00 开门')
  })
  test('overnight 20:00–次日 02:00: open at 01:59 the next day, closed at 02:00', () => {
    const night: HoursInput = { hours: [{ days: [4], open: '20:00', close: '02:00', overnight: true }] }
    expect(openState(night, sh('2026-11-26T19:59')).openNow).toBe(false)
    expect(openState(night, sh('2026-11-26T20:00')).openNow).toBe(true)
    const late = openState(night, sh('2026-11-27T01:59'))
    expect(late.openNow).toBe(true)
    expect(late.minutesToClose).toBe(1)
    expect(openState(night, sh('2026-11-27T02:00')).openNow).toBe(false)
    expect(stateHint(openState(night, sh('2026-11-26T21:00')), sh('2026-11-26T21:00'))).toBe('营业到明天 02:00')
    expect(openAtNight(night, sh('2026-11-26T12:00'))).toBe(true)
    expect(openAtNight(day8to21, sh('2026-11-26T12:00'))).toBe(false)
    // after midnight "at night" means now or later in this night: open at 01:00, no longer at 03:00
    expect(openAtNight(night, sh('2026-11-27T01:00'))).toBe(true)
    expect(openAtNight(night, sh('2026-11-27T03:00'))).toBe(false)
  })
  test('24 h every day is always open, across midnight and the week', () => {
    const allDay: HoursInput = { hours: [{ days: everyDay, open: '00:00', close: '24:00' }] }
    for (const t of ['2026-11-26T00:00', '2026-11-26T23:59', '2026-11-29T23:59']) {
      const s = openState(allDay, sh(t))
      expect(s.openNow).toBe(true)
      expect(s.alwaysOpen).toBe(true)
      expect(stateHint(s, sh(t))).toBe('24 小时开放')
    }
    expect(openAtNight(allDay, sh('2026-11-26T03:00'))).toBe(true)
  })
  test('consecutive days that meet at midnight merge into one opening', () => {
    const split: HoursInput = {
      hours: [
        { days: [4], open: '18:00', close: '24:00' },
        { days: [5], open: '00:00', close: '03:00' },
      ],
    }
    const s = openState(split, sh('2026-11-26T23:00'))
    expect(s.closesAt?.toISOString()).toBe(sh('2026-11-27T03:00').toISOString())
  })
})

describe('exceptions and temporary closure', () => {
  test('a holiday closes the day; special hours replace the weekly rule', () => {
    const withHoliday: HoursInput = {
      ...day8to21,
      exceptions: [
        { date: '2026-11-26', closed: true, note: '设备检修' },
        { date: '2026-11-27', open: '10:00', close: '14:00' },
      ],
    }
    const thu = openState(withHoliday, sh('2026-11-26T12:00'))
    expect(thu.openNow).toBe(false)
    expect(thu.todayNote).toBe('设备检修')
    expect(thu.opensAt?.toISOString()).toBe(sh('2026-11-27T10:00').toISOString())
    expect(openState(withHoliday, sh('2026-11-27T09:00')).openNow).toBe(false)
    expect(openState(withHoliday, sh('2026-11-27T13:59')).minutesToClose).toBe(1)
  })
  test('a temporary closure wins over the hours until it ends', () => {
    const closed: HoursInput = { ...day8to21, status: 'closed', closedReason: '内部装修', closedUntil: sh('2026-11-28T00:00') }
    const s = openState(closed, sh('2026-11-26T12:00'))
    expect(s.openNow).toBe(false)
    expect(s.closure?.reason).toBe('内部装修')
    expect(s.opensAt?.toISOString()).toBe(sh('2026-11-28T08:00').toISOString())
    expect(stateHint(s, sh('2026-11-26T12:00'))).toBe('暂停开放：内部装修，后天 08:00 开门')
    expect(openState(closed, sh('2026-11-28T08:00')).openNow).toBe(true)
    const indefinite = openState({ ...day8to21, status: 'closed', closedReason: '装修' }, sh('2026-11-26T12:00'))
    expect(stateHint(indefinite, sh('2026-11-26T12:00'))).toBe('暂停开放：装修')
    expect(openAtNight({ ...day8to21, status: 'closed' }, sh('2026-11-26T12:00'))).toBe(false)
  })
})

describe('validation of hours', () => {
  test('good rules pass, including overnight and 24 h', () => {
    expect(validateWeekly([{ days: everyDay, open: '00:00', close: '24:00' }])).toEqual([])
    expect(
      validateWeekly([
        { days: [1, 2, 3, 4, 5], open: '08:00', close: '12:00' },
        { days: [1, 2, 3, 4, 5], open: '12:00', close: '21:00' },
        { days: [6], open: '20:00', close: '02:00', overnight: true },
      ]),
    ).toEqual([])
  })
  test('ends before it starts, overlapping rules, overnight spill into the next rule, bad days/times', () => {
    expect(validateWeekly([{ days: [1], open: '21:00', close: '08:00' }])[0]).toMatch(/结束时间早于/)
    expect(validateWeekly([{ days: [1], open: '08:00', close: '08:00' }])[0]).toMatch(/结束时间早于/)
    expect(
      validateWeekly([
        { days: [1, 2], open: '08:00', close: '12:00' },
        { days: [2], open: '11:00', close: '13:00' },
      ])[0],
    ).toMatch(/重叠/)
    expect(
      validateWeekly([
        { days: [7], open: '20:00', close: '02:00', overnight: true },
        { days: [1], open: '01:00', close: '09:00' },
      ])[0],
    ).toMatch(/重叠/)
    expect(validateWeekly([{ days: [0, 8], open: '08:00', close: '09:00' }])[0]).toMatch(/星期/)
    expect(validateWeekly([{ days: [1], open: '8:00', close: '25:00' }])[0]).toMatch(/格式/)
  })
  test('exceptions: real dates, once each, hours in order', () => {
    expect(validateExceptions([{ date: '2026-02-17', closed: true }])).toEqual([])
    expect(validateExceptions([{ date: '2026-02-30', closed: true }])[0]).toMatch(/不正确/)
    expect(validateExceptions([{ date: '2026-02-17', open: '18:00', close: '09:00' }])[0]).toMatch(/结束时间/)
    expect(
      validateExceptions([
        { date: '2026-02-17', closed: true },
        { date: '2026-02-17', closed: true },
      ])[0],
    ).toMatch(/重复/)
  })
  test('hours text in Chinese', () => {
    expect(hoursText([{ days: everyDay, open: '00:00', close: '24:00' }])).toBe('24 小时开放')
    expect(hoursText([{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }])).toBe('工作日 09:00–18:00')
    expect(hoursText([{ days: [1, 2, 3], open: '20:00', close: '02:00', overnight: true }])).toBe('周一至周三 20:00–次日 02:00')
  })
})

describe('what a rider can report, at an explicit instant (the station page offers exactly what the server takes)', () => {
  const station = { _id: 'st-x', services: ['heating', 'water'], hours: day8to21.hours, status: 'open' }
  const labels = (at: string, doc: Record<string, unknown> = station) => reportOptions(doc, sh(at)).map((o) => o.label)
  const refusal = (at: string, report: { service: 'water' | null; kind: 'closed' | 'empty' }, doc: Record<string, unknown> = station) => {
    try {
      reportLabel(doc, report, sh(at))
      return 'OK'
    } catch (err) {
      return (err as { code: string }).code
    }
  }

  test('at 02:00 (closed by its hours) 到点没开门 is not offered, and reporting it is refused; a broken service can still be told', () => {
    expect(labels('2026-11-26T02:00')).toEqual(['热饭：微波炉坏了', '饮水：没有水', '饮水：饮水机坏了'])
    expect(refusal('2026-11-26T02:00', { service: null, kind: 'closed' })).toBe('FAILED_PRECONDITION')
    expect(refusal('2026-11-26T02:00', { service: 'water', kind: 'empty' })).toBe('OK')
  })

  test('at 08:00 exactly it is offered first and taken; at 21:00 (closing time) no longer', () => {
    expect(labels('2026-11-26T08:00')[0]).toBe('到点没开门')
    expect(refusal('2026-11-26T08:00', { service: null, kind: 'closed' })).toBe('OK')
    expect(labels('2026-11-26T21:00')).not.toContain('到点没开门')
  })

  test('closed for repairs: nothing is offered and everything is refused, until the closure ends', () => {
    const closed = { ...station, status: 'closed', closedReason: '内部装修', closedUntil: sh('2026-11-28T00:00') }
    expect(labels('2026-11-26T12:00', closed)).toEqual([])
    expect(refusal('2026-11-26T12:00', { service: 'water', kind: 'empty' }, closed)).toBe('FAILED_PRECONDITION')
    expect(labels('2026-11-28T12:00', closed)[0]).toBe('到点没开门')
  })
})
