#!/usr/bin/env node
/**
 * Local cloud throughput and latency through the real wx-server-sdk: doc().get(), a conditional
 * update (where({_id, n: _.lt(cap)}).update({n: _.inc(1)})), and runTransaction (read + update),
 * at 1, 10 and 50 concurrent clients, plus the bare HTTP round trip (GET /__health) for comparison.
 * Starts its own local cloud (in memory) on a free port. Bounded: each cell runs for SECONDS.
 */
import http from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import localCloud from '../scripts/local-cloud-process.cjs'
import { quantile } from './lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2)
const LEVELS = [1, 10, 50]

async function cell(op, concurrency) {
  const lat = []
  const deadline = Date.now() + SECONDS * 1000
  let errors = 0
  const worker = async (w) => {
    let i = 0
    while (Date.now() < deadline) {
      const t = process.hrtime.bigint()
      try {
        await op(w, i++)
      } catch {
        errors++
      }
      lat.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)))
  const secs = (Date.now() - started) / 1000
  lat.sort((a, b) => a - b)
  return { ops: lat.length, perSec: lat.length / secs, p50: quantile(lat, 0.5), p95: quantile(lat, 0.95), errors }
}

export async function benchLocalCloud() {
  const { url, stop } = await localCloud.spawnLocalCloud({ seed: 'none', stderr: 'ignore' })
  try {
    Object.assign(process.env, {
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_SECRETID: 'local',
      TENCENTCLOUD_SECRETKEY: 'local',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TCB_ENV: 'xiaoge-local',
      SCF_NAMESPACE: 'xiaoge-local',
      SILENCE: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    })
    const cloud = createRequire(join(root, 'package.json'))('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    const _ = db.command
    const coll = db.collection('meal_slots')
    const ids = Array.from({ length: 50 }, (_, i) => `bench-${i}`)
    for (const id of ids) await coll.add({ data: { _id: id, n: 0, capacity: 1e9 } })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
    const health = new URL(`${url}/__health`)
    const ops = {
      'HTTP round trip (GET /__health)': () =>
        new Promise((ok, fail) => {
          http
            .get({ host: health.hostname, port: health.port, path: health.pathname, agent }, (res) => res.resume().on('end', ok))
            .on('error', fail)
        }),
      'doc().get()': (w) => coll.doc(ids[w % ids.length]).get(),
      'conditional update (_.lt + _.inc)': (w) => coll.where({ _id: ids[w % ids.length], n: _.lt(1e9) }).update({ data: { n: _.inc(1) } }),
      'runTransaction (get + update)': (w) =>
        db.runTransaction(async (t) => {
          const { data } = await t
            .collection('meal_slots')
            .doc(ids[w % ids.length])
            .get()
          await t
            .collection('meal_slots')
            .doc(ids[w % ids.length])
            .update({ data: { n: data.n + 1 } })
        }, 3),
    }
    console.log(`local cloud through wx-server-sdk (${SECONDS} s per cell; each client works on its own document)`)
    console.log(
      `  ${'operation'.padEnd(36)} ${'clients'.padStart(7)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'errors'.padStart(7)}`,
    )
    for (const [name, op] of Object.entries(ops)) {
      for (const c of LEVELS) {
        const r = await cell(op, c)
        console.log(
          `  ${name.padEnd(36)} ${String(c).padStart(7)} ${r.perSec.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}`,
        )
      }
    }
    agent.destroy()
  } finally {
    await stop()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchLocalCloud()
