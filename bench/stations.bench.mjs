#!/usr/bin/env node
/**
 * Station list with 2,000 and with 20,000 stations in the database: database requests per
 * `stations.listStations` call (goal: one query for the list) and latency (p50/p95) through the
 * gateway → function container → wx-server-sdk → local cloud, sequential and with 10 concurrent
 * riders. Targets: p95 with 10 callers under 150 ms at 2,000; one caller's p95 under 50 ms at 20,000.
 * The local cloud runs in this process (bundled from emulator/ with esbuild) so every database
 * request the function makes can be counted at `db.handle`, by action.
 * Run alone: `node bench/stations.bench.mjs` (`BENCH_STATIONS=2000` for one size); `npm run bench` picks it up (bench/*.bench.mjs).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunction, loadLocalCloud, quantile, rng } from './lib.mjs'

/** BENCH_STATIONS=2000 for one size; default both sizes of the issue's targets. */
const SIZES = (process.env.BENCH_STATIONS ?? '2000,20000').split(',').map(Number)
const CALLS = Number(process.env.BENCH_CALLS ?? 200)
const CENTRE = { lat: 31.117, lng: 121.572 }
const SERVICES = ['heating', 'medkit', 'rest', 'restroom', 'water', 'phone_charging', 'ebike_charging', 'aed', 'wifi', 'parcel_storage']

/** `n` stations as the stations function stores them, with the hours index its list queries by. */
function stations(n, hoursIndex) {
  const r = rng(42)
  const everyDay = [1, 2, 3, 4, 5, 6, 7]
  const hourKinds = [
    [{ days: everyDay, open: '00:00', close: '24:00' }],
    [{ days: everyDay, open: '08:00', close: '21:00' }],
    [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
    [{ days: everyDay, open: '20:00', close: '02:00', overnight: true }],
  ]
  return Array.from({ length: n }, (_, i) => ({
    _id: `bench-st-${i}`,
    name: `压测驿站 ${i}`,
    address: `周浦镇压测路 ${i} 号`,
    // within about ±15 km of the town centre
    location: { type: 'Point', coordinates: [CENTRE.lng + (r() - 0.5) * 0.3, CENTRE.lat + (r() - 0.5) * 0.27] },
    provider: ['town', 'union', 'partner_shop', 'store_24h'][i % 4],
    services: SERVICES.filter(() => r() < 0.5),
    serviceState: {},
    openProblems: {},
    hours: hourKinds[i % hourKinds.length],
    exceptions: [],
    ...hoursIndex(hourKinds[i % hourKinds.length], []),
    status: i % 50 === 0 ? 'closed' : 'open',
    closedReason: i % 50 === 0 ? '装修' : null,
    photos: [],
    createdAt: new Date(),
  }))
}

/** p95 targets (issue 9): with 2,000 stations, 10 callers at once; with 20,000 stations, one caller. */
const TARGETS = { 2000: { column: 'p95 @10', ms: 150 }, 20000: { column: 'p95 ms', ms: 50 } }

async function benchSize({ startLocalCloud, app, hoursIndex }, size) {
  const cloud = await startLocalCloud({ app, memory: true, seed: 'none', quiet: true, timers: false, poolSize: 4 })
  try {
    cloud.db.insert('stations', stations(size, hoursIndex))
    // Count every database request (by action) the function containers make.
    const counts = new Map()
    const original = cloud.db.handle.bind(cloud.db)
    cloud.db.handle = (body) => {
      const a = String(body?.action ?? '?')
      counts.set(a, (counts.get(a) ?? 0) + 1)
      return original(body)
    }
    const call = async (params, openid = 'o-bench-rider') => {
      const res = await fetch(`${cloud.url}/api/functions/stations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action: 'listStations', ...params }),
      })
      const body = await res.json()
      if (!body.ok) throw new Error(JSON.stringify(body.error))
      return body.data
    }
    const cases = {
      'nearest 20 (rider location)': { location: { lat: 31.12, lng: 121.57 } },
      'town centre (location refused)': {},
      'phone charging + open now': { location: { lat: 31.12, lng: 121.57 }, service: 'phone_charging', openNow: true },
      'open at night, 50 rows': { location: { lat: 31.12, lng: 121.57 }, openAtNight: true, limit: 50 },
    }
    // warm every container of the pool (10 at once start all 4), then each case once
    for (let round = 0; round < 2; round++)
      await Promise.all(Array.from({ length: 10 }, (_, i) => call(Object.values(cases)[i % 4], `o-warm-${i}`)))

    const target = TARGETS[size]
    console.log(`stations.listStations with ${size} stations (through the gateway, ${CALLS} calls per row)`)
    console.log(
      `  ${'case'.padEnd(32)} ${'rows'.padStart(5)} ${'DB req/call'.padStart(12)} ${'of which list'.padStart(14)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p95 @10'.padStart(8)}`,
    )
    let ok = true
    let worst = 0
    for (const [name, params] of Object.entries(cases)) {
      counts.clear()
      const data = await call(params)
      const perCall = [...counts.values()].reduce((a, b) => a + b, 0)
      const listQueries = counts.get('database.aggregateDocuments') ?? 0 // the geoNear
      const seq = []
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now()
        await call(params)
        seq.push(performance.now() - t)
      }
      seq.sort((a, b) => a - b)
      const conc = []
      await Promise.all(
        Array.from({ length: 10 }, async (_, w) => {
          for (let i = 0; i < CALLS / 10; i++) {
            const t = performance.now()
            await call(params, `o-bench-rider-${w}`)
            conc.push(performance.now() - t)
          }
        }),
      )
      conc.sort((a, b) => a - b)
      if (listQueries !== 1) ok = false
      worst = Math.max(worst, target?.column === 'p95 @10' ? quantile(conc, 0.95) : quantile(seq, 0.95))
      console.log(
        `  ${name.padEnd(32)} ${String(data.stations.length).padStart(5)} ${String(perCall).padStart(12)} ${String(listQueries).padStart(14)} ${quantile(seq, 0.5).toFixed(1).padStart(8)} ${quantile(seq, 0.95).toFixed(1).padStart(8)} ${quantile(conc, 0.95).toFixed(1).padStart(8)}`,
      )
    }
    if (target)
      console.log(
        `  target: ${target.column} under ${target.ms} ms — worst row ${worst.toFixed(1)} ms: ${worst < target.ms ? 'met' : 'MISSED'}`,
      )
    return ok
  } finally {
    await cloud.stop()
  }
}

export async function run() {
  buildFunction('stations')
  const lib = await loadLocalCloud("export { hoursIndex } from './cloudfunctions/_domain/hours.ts'")
  let ok = true
  for (const [i, size] of SIZES.entries()) {
    if (i) console.log('')
    ok = (await benchSize(lib, size)) && ok
  }
  console.log('  DB req/call = every database request of one call (listStations is openidOnly: no users read, one geoNear).')
  return ok
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await run()
  process.exit(ok ? 0 : 1)
}
