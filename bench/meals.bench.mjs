#!/usr/bin/env node
/**
 * The canteen's booking burst on the local cloud: 1,000 verified riders try to book one slot of
 * 300 seats, 50 at a time (gateway → function containers → wx-server-sdk → local database).
 * Reports oversold seats (must be 0), double bookings (0), the seats counter against the bookings,
 * bookings per second, latency p50/p95, and database requests: per successful booking (goal ≤ 3,
 * measured one booking at a time), per meals.listDay (goal 2), and over the whole burst.
 * The local cloud runs in this process (bundled from emulator/ with esbuild) so every database
 * request the functions make is counted at `db.handle`.
 * Run alone: `node bench/meals.bench.mjs` (BENCH_RIDERS, BENCH_SEATS, BENCH_CONCURRENCY, BENCH_POOL);
 * `npm run bench` picks it up (bench/*.bench.mjs).
 */
import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunction, loadLocalCloud, quantile } from './lib.mjs'

const RIDERS = Number(process.env.BENCH_RIDERS ?? 1000)
const SEATS = Number(process.env.BENCH_SEATS ?? 300)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
/** Function containers per function (the local cloud's default, 2; WeChat Cloud scales out). On 2 cores more only add contention. */
const POOL = Number(process.env.BENCH_POOL ?? 2)
const CANTEEN = 'canteen-bench'

function riders(prefix, n, now) {
  return Array.from({ length: n }, (_, i) => ({
    _id: `${prefix}-${i + 1}`,
    nickname: `压测骑手${i + 1}`,
    roles: ['rider'],
    groupIds: ['grp-zhoupu-wanda'],
    currentGroupId: 'grp-zhoupu-wanda',
    staffOf: {},
    verification: 'approved',
    createdAt: now,
  }))
}

/** A canteen with a week of menus and the slots the bench books. */
function seedCanteen(db, m, now) {
  const canteen = {
    _id: CANTEEN,
    name: '压测食堂',
    address: '周浦镇压测路 1 号',
    status: 'open',
    lockerCount: 24,
    subsidy: { perMealFen: 1500, monthlyBudgetFen: 3_000_000 },
    createdAt: new Date(now.getTime() - 86_400_000),
  }
  const meals = [
    { id: 'm-love', name: '爱心餐', dishIds: [], priceFen: 1500, subsidised: true, soldOut: false, services: ['lunch', 'dinner'] },
  ]
  const date = m.addDays(m.businessDate(now), 1)
  const menu = { _id: `${CANTEEN}_${date}`, canteenId: CANTEEN, date, meals, updatedAt: now }
  db.insert('canteens', [canteen])
  db.insert('meal_menus', [menu])
  db.insert('meal_lockers', m.lockerDocs(CANTEEN, 24))
  const slot = (start, end, capacity) => m.newSlotDoc(canteen, menu, { date, start, end, capacity, offPeak: true }, now)
  const burst = slot('11:00', '11:30', SEATS)
  const single = slot('17:00', '17:30', 1000)
  db.insert('meal_slots', [burst, single])
  return { date, burst: burst._id, single: single._id }
}

// long: one benchmark, phase by phase, with its printout
export async function run() {
  buildFunction('meals')
  const m = await loadLocalCloud(
    "export { loadRiderDocs } from './scripts/local-cloud/seed/load-riders.ts'",
    "export { newSlotDoc, lockerDocs } from './cloudfunctions/_domain/meal-plan.ts'",
    "export { businessDate, addDays } from './cloudfunctions/_lib/time.ts'",
  )
  const cloud = await m.startLocalCloud({ app: m.app, memory: true, seed: 'none', quiet: true, timers: false, poolSize: POOL })
  try {
    const now = new Date()
    const { burst, single } = seedCanteen(cloud.db, m, now)
    // the load riders of `npm run cloud -- --seed demo --riders N` (scripts/local-cloud/seed/load-riders.ts)
    cloud.db.insert('users', m.loadRiderDocs(RIDERS, now))
    cloud.db.insert('users', riders('o-bench-single', 40, now))
    let requests = 0
    const original = cloud.db.handle.bind(cloud.db)
    cloud.db.handle = (body) => {
      requests++
      return original(body)
    }
    const call = async (action, params, openid) => {
      const res = await fetch(`${cloud.url}/api/functions/meals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, ...params }),
      })
      return res.json()
    }
    // warm every container, so cold starts are not in the figures
    await Promise.all(
      Array.from({ length: POOL * 2 }, (_, i) =>
        call('listDay', { date: m.businessDate(now), canteenId: CANTEEN }, `o-bench-single-${i + 1}`),
      ),
    )

    // database requests of ONE call, one at a time
    const perBooking = []
    const oneAtATime = []
    for (let i = 1; i <= 20; i++) {
      const before = requests
      const t = performance.now()
      const a = await call('book', { slotId: single, requestId: randomUUID(), mealId: 'm-love' }, `o-bench-single-${i}`)
      oneAtATime.push(performance.now() - t)
      if (!a.ok) throw new Error(`single booking failed: ${JSON.stringify(a.error)}`)
      perBooking.push(requests - before)
    }
    const perListDay = []
    for (let i = 21; i <= 40; i++) {
      const before = requests
      await call('listDay', { date: m.addDays(m.businessDate(now), 1), canteenId: CANTEEN }, `o-bench-single-${i}`)
      perListDay.push(requests - before)
    }

    // the burst: RIDERS riders, CONCURRENCY at a time, on SEATS seats
    const queue = Array.from({ length: RIDERS }, (_, i) => `o-load-rider-${i + 1}`)
    const latencies = []
    const outcomes = {}
    const burstStart = requests
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let openid = queue.shift(); openid; openid = queue.shift()) {
          const t = performance.now()
          const a = await call('book', { slotId: burst, requestId: randomUUID(), mealId: 'm-love' }, openid)
          latencies.push(performance.now() - t)
          const k = a.ok ? 'OK' : a.error.code
          outcomes[k] = (outcomes[k] ?? 0) + 1
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    const burstRequests = requests - burstStart
    latencies.sort((a, b) => a - b)

    const active = cloud.db.find(
      'meal_bookings',
      { slotId: burst, state: { $in: ['booked', 'placed', 'collected', 'no_show'] } },
      { limit: 5000 },
    )
    const [slot] = cloud.db.find('meal_slots', { _id: burst })
    const oversold = Math.max(0, active.length - SEATS)
    const perRider = new Map()
    for (const b of active) perRider.set(b.openid, (perRider.get(b.openid) ?? 0) + 1)
    const doubles = [...perRider.values()].filter((n) => n > 1).length
    const codes = new Set(active.map((b) => b.code)).size
    const sorted = [...perBooking].sort((a, b) => a - b)
    const ok =
      oversold === 0 && doubles === 0 && slot.booked === active.length && codes === active.length && outcomes.OK === Math.min(SEATS, RIDERS)

    console.log(`meals booking burst: ${RIDERS} riders, ${SEATS} seats, ${CONCURRENCY} at once, ${POOL} containers (through the gateway)`)
    console.log(
      `  bookings            ${outcomes.OK ?? 0} OK, ${outcomes.RESOURCE_EXHAUSTED ?? 0} RESOURCE_EXHAUSTED${Object.keys(outcomes)
        .filter((k) => !['OK', 'RESOURCE_EXHAUSTED'].includes(k))
        .map((k) => `, ${outcomes[k]} ${k}`)
        .join('')}`,
    )
    console.log(`  oversold            ${oversold}   (must be 0)`)
    console.log(`  double bookings     ${doubles}   (must be 0)`)
    console.log(
      `  seats counter       ${slot.booked} booked, ${slot.seatsLeft} left; ${active.length} bookings; ${codes} distinct pickup codes`,
    )
    console.log(
      `  throughput          ${(RIDERS / seconds).toFixed(0)} calls/s, ${((outcomes.OK ?? 0) / seconds).toFixed(0)} bookings/s (${seconds.toFixed(2)} s)`,
    )
    oneAtATime.sort((a, b) => a - b)
    console.log(
      `  latency             p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms in the burst; one booking alone: p50 ${quantile(oneAtATime, 0.5).toFixed(0)} ms`,
    )
    console.log(
      `  DB requests         per successful booking: median ${quantile(sorted, 0.5)}, mean ${(perBooking.reduce((a, b) => a + b, 0) / perBooking.length).toFixed(2)}, max ${sorted.at(-1)} (goal ≤ 3; one at a time, 20 bookings)`,
    )
    console.log(`                      per listDay: ${[...new Set(perListDay)].join('/')} (goal 2)`)
    console.log(
      `                      whole burst: ${burstRequests} for ${RIDERS} calls = ${(burstRequests / RIDERS).toFixed(2)} per call, ${(burstRequests / Math.max(1, outcomes.OK ?? 0)).toFixed(2)} per successful booking`,
    )
    return ok && quantile(sorted, 0.5) <= 3 && perListDay.every((n) => n === 2)
  } finally {
    await cloud.stop()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await run()
  process.exit(ok ? 0 : 1)
}
