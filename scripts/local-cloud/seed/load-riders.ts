/**
 * Load data for benchmarks and load tests: `npm run cloud -- --seed demo --riders N` (and `npm start
 * -- --riders N`) adds N verified riders `o-load-rider-1` … `o-load-rider-N`, members of the demo group
 * `grp-zhoupu-wanda`, as the users function would have left them after a liaison approved them.
 * Idempotent like the demo seed: fixed ids, only missing riders are added.
 */
import type { LocalCloudApp } from '../../../emulator/app'
import type { LocalDatabase } from '../../../emulator/db'
import { DEMO_GROUP_ID } from './demo'

export const LOAD_RIDER_PREFIX = 'o-load-rider-'
export const MAX_LOAD_RIDERS = 100_000

export function loadRiderDocs(n: number, now = new Date()): Record<string, unknown>[] {
  const created = new Date(now.getTime() - 7 * 86_400_000)
  return Array.from({ length: n }, (_, i) => ({
    _id: `${LOAD_RIDER_PREFIX}${i + 1}`,
    nickname: `压测骑手${i + 1}`,
    avatarFileId: null,
    workType: '外卖',
    platform: '美团',
    phone: null,
    roles: ['rider'],
    groupIds: [DEMO_GROUP_ID],
    currentGroupId: DEMO_GROUP_ID,
    liaisonOf: [],
    adminOf: [],
    dutyPeriods: [],
    staffOf: {},
    verification: 'approved',
    verificationId: null,
    createdAt: created,
    updatedAt: created,
  }))
}

/** Add the load riders that are missing; returns how many were added. */
export function seedLoadRiders(db: LocalDatabase, n: number, now = new Date()): number {
  let added = 0
  const docs = loadRiderDocs(n, now)
  for (let i = 0; i < docs.length; i += 1000) {
    const chunk = docs.slice(i, i + 1000)
    const existing = new Set(db.find('users', { _id: { $in: chunk.map((d) => d._id) } }, { limit: 1000 }).map((d) => String(d._id)))
    const missing = chunk.filter((d) => !existing.has(String(d._id)))
    if (missing.length) db.insert('users', missing)
    added += missing.length
  }
  return added
}

/** The app with its demo seed also adding `n` load riders. */
export function withLoadRiders(app: LocalCloudApp, n: number): LocalCloudApp {
  const demo = app.seeds?.demo
  if (!demo) throw new Error('--riders needs the demo seed')
  return { ...app, seeds: { ...app.seeds, demo: (db, now) => demo(db, now) + seedLoadRiders(db, n, now) } }
}

/** `--riders N` from the command line: 0 when absent; refuses anything but a whole number 1..100000. */
export function ridersArg(argv: readonly string[]): number {
  const i = argv.indexOf('--riders')
  if (i < 0) return 0
  const n = Number(argv[i + 1])
  if (!Number.isInteger(n) || n < 1 || n > MAX_LOAD_RIDERS) throw new Error(`--riders needs a whole number from 1 to ${MAX_LOAD_RIDERS}`)
  if (argv[argv.indexOf('--seed') + 1] !== 'demo' || !argv.includes('--seed'))
    throw new Error('--riders adds riders to the demo town: use it with --seed demo')
  return n
}
