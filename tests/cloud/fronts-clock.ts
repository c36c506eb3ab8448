/**
 * A fixed clock for the functions of one test file: libfaketime preloaded into every function
 * container, reading its time from a file the test rewrites (`clock.set(...)`), frozen between sets
 * (the monotonic clock stays real, so timers and timeouts keep working). Only the functions see it:
 * the test process and the local cloud run on the real clock. Containers run in UTC, so the file
 * holds the UTC wall time of the Shanghai instant asked for.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LIBS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
]

export interface FakeClock {
  /** The function environment that makes containers read this clock. */
  env: Record<string, string>
  /** Move the functions' clock to this instant (e.g. '2026-12-06T23:59:59+08:00'). */
  set(at: Date | string): void
  now(): Date
}

export function fakeClock(start: Date | string): FakeClock {
  const lib = LIBS.find((l) => existsSync(l))
  if (!lib) throw new Error('libfaketime not found: apt-get install -y faketime (README "Another hour of the day")')
  const file = join(mkdtempSync(join(tmpdir(), 'xg-clock-')), 'faketime')
  let current = new Date(start)
  const write = () => writeFileSync(file, `${current.toISOString().replace('T', ' ').slice(0, 19)}\n`)
  write()
  return {
    env: { LD_PRELOAD: lib, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1', DONT_FAKE_MONOTONIC: '1' },
    set(at) {
      current = new Date(at)
      write()
    },
    now: () => current,
  }
}

/** Shanghai wall time → instant: sh('2026-12-07', '00:00'). */
export const sh = (date: string, hhmm = '00:00', ss = '00') => new Date(`${date}T${hhmm}:${ss}+08:00`)

/** A Monday (YYYY-MM-DD, Shanghai) at least `weeksAhead` weeks after today, so no demo duty falls in it. */
export function mondayAhead(weeksAhead = 3): string {
  const d = new Date(Date.now() + 8 * 3600_000 + weeksAhead * 7 * 86400_000)
  const back = (d.getUTCDay() + 6) % 7
  return new Date(d.getTime() - back * 86400_000).toISOString().slice(0, 10)
}

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10)
