/**
 * Opening-hours engine for stations: weekly rules, dated exceptions (holidays, special hours),
 * temporary closure, and "open now / closes in N min / opens at" for an explicit instant.
 *
 * All arithmetic is in Asia/Shanghai wall time. China has used a fixed UTC+08:00 without daylight
 * saving since 1991, so a constant offset is exact here and keeps the station list cheap (no tz
 * database lookups per row). Pure functions: pass `at` explicitly; nothing reads the clock.
 *
 * Rules: `{ days: [1..7] (1 = Monday), open: 'HH:mm', close: 'HH:mm' | '24:00', overnight? }`.
 * `close` before `open` is only accepted with `overnight: true` (20:00–次日 02:00): a rule that
 * "ends before it starts" by mistake is refused rather than silently read as overnight.
 */

import { businessDate, clock, DAY_MS, dayStart, isoWeekday, MINUTE_MS } from '../_lib/time'

export interface WeeklyHours {
  days: number[]
  open: string
  close: string
  /** The rule closes on the next day (close < open). */
  overnight?: boolean
}

export interface HoursException {
  /** Business date YYYY-MM-DD (Asia/Shanghai). Replaces that date's weekly rules. */
  date: string
  /** Closed all day (holiday). Otherwise `open`/`close` give the day's hours. */
  closed?: boolean
  open?: string
  close?: string
  overnight?: boolean
  /** Shown to riders, e.g. 春节休息 / 台风天延长开放. */
  note?: string
}

export interface HoursInput {
  hours: WeeklyHours[]
  exceptions?: HoursException[]
  /** 'open' | 'closed' (temporary closure) | 'removed' (permanently closed). */
  status?: string
  closedReason?: string | null
  /** End of a temporary closure; null/absent = until further notice. */
  closedUntil?: Date | null
}

export interface OpenState {
  openNow: boolean
  /** Open around the clock for at least the next 7 days. */
  alwaysOpen: boolean
  closesAt: Date | null
  opensAt: Date | null
  minutesToClose: number | null
  minutesToOpen: number | null
  /** A temporary closure (or permanent removal) in force at `at`. */
  closure: { reason: string; until: Date | null } | null
  /** The note of today's exception (holiday), if any. */
  todayNote: string | null
}

const MIN = MINUTE_MS
const DAY = DAY_MS
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes since midnight for 'HH:mm'; '24:00' allowed only where `allow24`. NaN if malformed. */
export function parseHHMM(s: string, allow24 = false): number {
  if (allow24 && s === '24:00') return 1440
  const m = HHMM.exec(s)
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN
}

function span(open: string, close: string, overnight?: boolean): [number, number] | null {
  const o = parseHHMM(open)
  const c = parseHHMM(close, true)
  if (Number.isNaN(o) || Number.isNaN(c)) return null
  if (overnight) return c < o && c !== 0 ? [o, c + 1440] : c === 0 ? [o, 1440] : null
  return c > o ? [o, c] : null
}

/**
 * Problems with a set of weekly rules, in Chinese (empty = valid): malformed times, days out of
 * range, a rule that ends before it starts, rules overlapping each other (also across midnight).
 */
export function validateWeekly(rules: WeeklyHours[]): string[] {
  const errors: string[] = []
  const spans: { from: number; to: number; i: number }[] = []
  rules.forEach((r, i) => {
    const label = `第 ${i + 1} 条`
    if (!r.days.length || r.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) errors.push(`${label}：星期只能是 1–7`)
    if (new Set(r.days).size !== r.days.length) errors.push(`${label}：星期有重复`)
    if (Number.isNaN(parseHHMM(r.open)) || Number.isNaN(parseHHMM(r.close, true))) {
      errors.push(`${label}：时间格式应为 HH:mm`)
      return
    }
    const s = span(r.open, r.close, r.overnight)
    if (!s) {
      errors.push(
        r.overnight ? `${label}：跨夜营业的结束时间应早于开始时间` : `${label}：结束时间早于或等于开始时间（跨夜营业请标明“次日”）`,
      )
      return
    }
    for (const d of r.days) spans.push({ from: (d - 1) * 1440 + s[0], to: (d - 1) * 1440 + s[1], i })
  })
  const WEEK = 7 * 1440
  for (let a = 0; a < spans.length; a++) {
    for (let b = a + 1; b < spans.length; b++) {
      const x = spans[a]
      const y = spans[b]
      // Compare on the circular week: Sunday-night hours run into Monday.
      const overlaps = [-WEEK, 0, WEEK].some((shift) => x.from < y.to + shift && y.from + shift < x.to)
      if (overlaps) {
        const msg = x.i === y.i ? `第 ${x.i + 1} 条` : `第 ${x.i + 1} 条和第 ${y.i + 1} 条`
        errors.push(`${msg}：营业时间重叠`)
        return errors
      }
    }
  }
  return errors
}

/** Problems with dated exceptions (empty = valid). */
export function validateExceptions(list: HoursException[]): string[] {
  const errors: string[] = []
  const seen = new Set<string>()
  for (const e of list) {
    const m = DATE.exec(e.date)
    const d = m ? new Date(`${e.date}T00:00:00Z`) : null
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== e.date) {
      errors.push(`日期 ${e.date} 不正确`)
      continue
    }
    if (seen.has(e.date)) errors.push(`日期 ${e.date} 重复`)
    seen.add(e.date)
    if (!e.closed) {
      if (!e.open || !e.close) errors.push(`${e.date}：请填写开始和结束时间，或标为全天休息`)
      else if (!span(e.open, e.close, e.overnight)) errors.push(`${e.date}：结束时间早于或等于开始时间（跨夜营业请标明“次日”）`)
    }
  }
  return errors
}

/** Opening intervals [from, to) in ms that start on business days first..last (inclusive offsets from the day of `at`). */
function intervals(input: HoursInput, at: number, firstDay: number, lastDay: number): [number, number][] {
  // Parsed once per call, not once per day: a list presents up to 200 stations per request.
  const exceptions = input.exceptions?.length ? new Map(input.exceptions.map((e) => [e.date, e])) : null
  const weekly = input.hours.map((r) => ({ days: r.days, s: span(r.open, r.close, r.overnight) }))
  const today = dayStart(at)
  const todayWeekday = isoWeekday(today)
  const out: [number, number][] = []
  for (let k = firstDay; k <= lastDay; k++) {
    const start = today + k * DAY
    const ex = exceptions?.get(businessDate(start))
    if (ex) {
      const s = ex.closed || !ex.open || !ex.close ? null : span(ex.open, ex.close, ex.overnight)
      if (s) out.push([start + s[0] * MIN, start + s[1] * MIN])
      continue
    }
    const weekday = ((((todayWeekday - 1 + k) % 7) + 7) % 7) + 1
    for (const r of weekly) if (r.s && r.days.includes(weekday)) out.push([start + r.s[0] * MIN, start + r.s[1] * MIN])
  }
  out.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const iv of out) {
    const last = merged[merged.length - 1]
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1])
    else merged.push([iv[0], iv[1]])
  }
  return merged
}

function activeClosure(input: HoursInput, at: number): { reason: string; until: Date | null } | null {
  if (input.status === 'removed') return { reason: input.closedReason || '已停止运营', until: null }
  if (input.status !== 'closed') return null
  const until = input.closedUntil ? new Date(input.closedUntil) : null
  if (until && until.getTime() <= at) return null
  return { reason: input.closedReason || '暂停开放', until }
}

export function openState(input: HoursInput, atDate: Date): OpenState {
  const at = atDate.getTime()
  const closure = activeClosure(input, at)
  const todayEx = (input.exceptions ?? []).find((e) => e.date === businessDate(at))
  const base: OpenState = {
    openNow: false,
    alwaysOpen: false,
    closesAt: null,
    opensAt: null,
    minutesToClose: null,
    minutesToOpen: null,
    closure,
    todayNote: todayEx?.note || null,
  }
  if (input.status === 'removed') return base
  const list = intervals(input, at, -1, 8)
  // While closed temporarily, the next opening is the first interval after the closure ends.
  const from = closure ? (closure.until ? closure.until.getTime() : Number.POSITIVE_INFINITY) : at
  if (!closure) {
    const current = list.find(([a, b]) => a <= at && at < b)
    if (current) {
      const alwaysOpen = current[1] - at >= 7 * DAY
      return {
        ...base,
        openNow: true,
        alwaysOpen,
        closesAt: alwaysOpen ? null : new Date(current[1]),
        minutesToClose: alwaysOpen ? null : Math.ceil((current[1] - at) / MIN),
      }
    }
  }
  if (Number.isFinite(from)) {
    const next = list.find(([, b]) => b > from)
    if (next) {
      const opensAt = Math.max(next[0], from)
      return { ...base, opensAt: new Date(opensAt), minutesToOpen: Math.ceil((opensAt - at) / MIN) }
    }
  }
  return base
}

/** Open at some time during tonight's night window, 22:00–次日 06:00 (the current one after midnight). */
export function openAtNight(input: HoursInput, atDate: Date): boolean {
  const at = atDate.getTime()
  if (activeClosure(input, at)) return false
  const today = dayStart(at)
  const nightStart = at - today < 6 * 60 * MIN ? today - 2 * 60 * MIN : today + 22 * 60 * MIN
  const nightEnd = nightStart + 8 * 60 * MIN
  return intervals(input, at, -1, 1).some(([a, b]) => a < nightEnd && nightStart < b && b > at)
}

const WEEK_MIN = 7 * 1440

/** Minutes of the Shanghai week (Monday 00:00 = 0) — the key `hoursIndex` stores intervals by. */
export function weekMinute(atDate: Date): number {
  const at = atDate.getTime()
  return (isoWeekday(at) - 1) * 1440 + Math.floor((at - dayStart(at)) / MIN)
}

/**
 * What a station stores beside its hours so the list's one geoNear can leave out stations that
 * cannot be open now or at night: its weekly intervals in minutes of the week (overnight ones
 * split at the week's end) and whether any of them touches a night (22:00–06:00). A superset by
 * design — the function re-checks every candidate exactly: a station with dated exceptions (which
 * may open it on any day) counts as possibly open all week, and closures are not indexed.
 */
export function hoursIndex(
  hours: WeeklyHours[],
  exceptions: HoursException[] = [],
): { openWeek: { from: number; to: number }[]; nightOpen: boolean } {
  if (exceptions.length) return { openWeek: [{ from: 0, to: WEEK_MIN }], nightOpen: true }
  const openWeek: { from: number; to: number }[] = []
  for (const r of hours) {
    const s = span(r.open, r.close, r.overnight)
    if (!s) continue
    for (const d of r.days) {
      const from = (d - 1) * 1440 + s[0]
      const to = (d - 1) * 1440 + s[1]
      if (to <= WEEK_MIN) openWeek.push({ from, to })
      else openWeek.push({ from, to: WEEK_MIN }, { from: 0, to: to - WEEK_MIN })
    }
  }
  // nights: 22:00 of day d-1 to 06:00 of day d, d = 0…7 (Sunday night runs into the next week's Monday)
  const nights = Array.from({ length: 8 }, (_v, d) => [d * 1440 - 120, d * 1440 + 360])
  const nightOpen = openWeek.some(({ from, to }) => nights.some(([a, b]) => from < b && a < to))
  return { openWeek, nightOpen }
}

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

function daysLabel(days: number[]): string {
  const d = [...new Set(days)].sort((a, b) => a - b)
  const key = d.join('')
  if (key === '1234567') return '每天'
  if (key === '12345') return '工作日'
  if (key === '67') return '周末'
  const consecutive = d.every((x, i) => i === 0 || x === d[i - 1] + 1)
  if (consecutive && d.length > 2) return `${WEEKDAY[d[0]]}至${WEEKDAY[d[d.length - 1]]}`
  return d.map((x) => WEEKDAY[x]).join('、')
}

function timeLabel(open: string, close: string, overnight?: boolean): string {
  if (open === '00:00' && close === '24:00') return '24 小时'
  return overnight ? `${open}–次日 ${close}` : `${open}–${close}`
}

/** "每天 07:00–23:00", "工作日 09:00–18:00；周末 10:00–16:00", "每天 24 小时". */
export function hoursText(rules: WeeklyHours[]): string {
  if (!rules.length) return '暂无固定开放时间'
  const all24 = rules.length === 1 && daysLabel(rules[0].days) === '每天' && timeLabel(rules[0].open, rules[0].close) === '24 小时'
  if (all24) return '24 小时开放'
  return rules.map((r) => `${daysLabel(r.days)} ${timeLabel(r.open, r.close, r.overnight)}`).join('；')
}

function dayWord(target: number, at: number): string {
  const diff = Math.round((dayStart(target) - dayStart(at)) / DAY)
  if (diff === 0) return '今天'
  if (diff === 1) return '明天'
  if (diff === 2) return '后天'
  return WEEKDAY[isoWeekday(dayStart(target))]
}

/** One short line for a list row: 还有 45 分钟关门 / 营业到 21:00 / 明天 08:00 开门 / 暂停开放：装修. */
export function stateHint(state: OpenState, atDate: Date): string {
  const at = atDate.getTime()
  if (state.closure && !state.opensAt) return `暂停开放：${state.closure.reason}`
  if (state.openNow) {
    if (state.alwaysOpen || !state.closesAt) return '24 小时开放'
    const n = state.minutesToClose ?? 0
    if (n <= 60) return `还有 ${n} 分钟关门`
    const c = state.closesAt.getTime()
    return dayStart(c) === dayStart(at) ? `营业到 ${clock(c)}` : `营业到${dayWord(c, at)} ${clock(c)}`
  }
  const prefix = state.closure ? `暂停开放：${state.closure.reason}，` : ''
  if (!state.opensAt) return prefix ? prefix.slice(0, -1) : '暂无开放时间'
  const n = state.minutesToOpen ?? 0
  const o = state.opensAt.getTime()
  if (!state.closure && n <= 60) return `${n} 分钟后开门`
  return `${prefix}${dayWord(o, at)} ${clock(o)} 开门`
}
