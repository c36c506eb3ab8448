#!/usr/bin/env node
/**
 * The micro-front at a busy group's size: one group of 500 riders (`--riders N`), 2,000 notices
 * (100 live, 5 pinned; 20,000 read records) and 10,000 questions (200 waiting). Database requests per
 * call (goal: the front page ≤ 4, the liaison's queue ≤ 3) and latency (p50/p95) through the gateway →
 * function container → wx-server-sdk → local cloud, one caller at a time and 10 at once.
 * The local cloud runs in this process with the app's config (bundled from emulator/ and
 * scripts/local-cloud/app.ts with esbuild) so every database request the function makes is counted
 * at `db.handle`.
 * Run alone: `node bench/fronts.bench.mjs [--riders 500]`; `npm run bench` picks it up (bench/*.bench.mjs).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunction, loadLocalCloud, quantile } from './lib.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return Number(i > 0 ? process.argv[i + 1] : (process.env[`BENCH_${name.toUpperCase()}`] ?? fallback))
}
const RIDERS = arg('riders', 500)
const NOTICES = arg('notices', 2000)
const QUESTIONS = arg('questions', 10000)
const CALLS = arg('calls', 200)
const G = 'grp-zhoupu-wanda'
const LIAISON = 'o-demo-liaison-li'
const DAY = 86_400_000

/** The busy group: riders, notices with their audience and reads, questions at every stage. */
function busyGroup(now) {
  const t = now.getTime()
  const riders = Array.from({ length: RIDERS }, (_v, i) => `o-bench-rider-${i}`)
  const users = riders.map((openid, i) => ({
    _id: openid,
    nickname: `骑手${i}`,
    roles: ['rider'],
    groupIds: [G],
    currentGroupId: G,
    liaisonOf: [],
    adminOf: [],
    dutyPeriods: [],
    verification: 'approved',
    createdAt: now,
  }))
  const LIVE = 100
  const notices = Array.from({ length: NOTICES }, (_v, i) => {
    const live = i < LIVE
    const createdAt = new Date(t - (i + 1) * 3 * 3_600_000)
    return {
      _id: `nt-bench-${i}`,
      groupId: G,
      groupName: '周浦万达骑手之家群',
      title: `压测公告 ${i}`,
      body: '今晚有雷阵雨，注意骑行安全，万达驿站可避雨、充电、热饭。'.repeat(3),
      category: ['notice', 'safety', 'activity', 'mutual'][i % 4],
      photos: [],
      pendingMedia: [],
      pinned: live && i < 5,
      expiresAt: live ? null : new Date(createdAt.getTime() + DAY),
      liveUntil: live ? new Date('2999-12-31T00:00:00Z') : new Date(createdAt.getTime() + DAY),
      state: 'live',
      authorOpenid: 'o-demo-admin-wang',
      authorName: '王强',
      authorRole: 'admin',
      createdAt,
      updatedAt: createdAt,
      editableUntil: createdAt,
      readCount: 0,
      ackCount: 0,
      audience: RIDERS,
    }
  })
  // 200 riders read each live notice (20,000 records); the measured rider read every other one
  const reads = []
  for (let n = 0; n < LIVE; n++)
    for (let r = 0; r < 200; r++) {
      const openid = riders[(n * 7 + r) % RIDERS]
      if (openid === riders[0] && n % 2) continue
      reads.push({
        _id: `nt-bench-${n}:${openid}`,
        noticeId: `nt-bench-${n}`,
        groupId: G,
        openid,
        name: openid,
        readAt: now,
        ackAt: r % 3 ? now : null,
      })
    }
  const states = (i) => (i < 200 ? 'waiting' : i < 260 ? 'rider' : i < 2000 ? 'answered' : 'closed')
  const questions = Array.from({ length: QUESTIONS }, (_v, i) => ({
    _id: `q-bench-${i}`,
    groupId: G,
    groupName: '周浦万达骑手之家群',
    askerOpenid: riders[i % RIDERS],
    askerName: `骑手${i % RIDERS}`,
    category: 'other',
    text: `压测问题 ${i}：职业伤害保障怎么查？`,
    photos: [],
    pendingMedia: [],
    state: states(i),
    rev: 0,
    thread: [],
    createdAt: new Date(t - i * 600_000),
    updatedAt: new Date(t - i * 600_000),
    clock: { spentMs: 0, runningSince: states(i) === 'waiting' ? new Date(t - i * 600_000) : null },
    dueAt: states(i) === 'waiting' ? new Date(t - i * 600_000 + 2 * 3_600_000) : null,
  }))
  return { users, notices, reads, questions }
}

async function measure(call, params, callers) {
  const seq = []
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now()
    await call(params, callers[0])
    seq.push(performance.now() - t0)
  }
  const conc = []
  await Promise.all(
    Array.from({ length: 10 }, async (_v, w) => {
      for (let i = 0; i < CALLS / 10; i++) {
        const t0 = performance.now()
        await call(params, callers[w % callers.length])
        conc.push(performance.now() - t0)
      }
    }),
  )
  seq.sort((a, b) => a - b)
  conc.sort((a, b) => a - b)
  return { p50: quantile(seq, 0.5), p95: quantile(seq, 0.95), p95c: quantile(conc, 0.95) }
}

export async function run() {
  buildFunction('fronts')
  const { startLocalCloud, app } = await loadLocalCloud()
  const cloud = await startLocalCloud({ app, memory: true, seed: 'demo', quiet: true, timers: false, poolSize: 4 })
  try {
    const now = new Date()
    const data = busyGroup(now)
    for (const [collection, docs] of Object.entries({
      users: data.users,
      notices: data.notices,
      notice_reads: data.reads,
      questions: data.questions,
    }))
      for (let i = 0; i < docs.length; i += 2000) cloud.db.insert(collection, docs.slice(i, i + 2000))
    const counts = new Map()
    const original = cloud.db.handle.bind(cloud.db)
    cloud.db.handle = (body) => {
      const a = String(body?.action ?? '?').replace('database.', '')
      counts.set(a, (counts.get(a) ?? 0) + 1)
      return original(body)
    }
    const call = (action) => async (params, openid) => {
      const res = await fetch(`${cloud.url}/api/functions/fronts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, ...params }),
      })
      const body = await res.json()
      if (!body.ok) throw new Error(JSON.stringify(body.error))
      return body.data
    }
    const riders = data.users.slice(0, 10).map((u) => u._id)
    const cases = [
      ['front page (getFront, a rider)', call('getFront'), { groupId: G }, riders, 4],
      ['liaison queue (queue, waiting)', call('queue'), { groupId: G }, [LIAISON], 3],
    ]
    console.log(
      `fronts with one group of ${RIDERS} riders, ${NOTICES} notices (${data.reads.length} read records), ${QUESTIONS} questions (through the gateway, ${CALLS} calls per row)`,
    )
    console.log(
      `  ${'case'.padEnd(34)} ${'DB req/call'.padStart(11)} ${'goal'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p95 @10'.padStart(8)}  requests`,
    )
    let ok = true
    for (const [name, fn, params, callers, goal] of cases) {
      await fn(params, callers[0]) // warm the container
      counts.clear()
      const answer = await fn(params, callers[0])
      const perCall = [...counts.values()].reduce((a, b) => a + b, 0)
      const what = [...counts.entries()].map(([k, v]) => `${k}×${v}`).join(' ')
      if (perCall > goal) ok = false
      const shown = name.startsWith('front')
        ? `${answer.pinned.length} pinned, ${answer.recent.length} recent`
        : `${answer.items.length} on the first page, ${answer.counts.soon + answer.counts.breached} soon or late`
      const m = await measure(fn, params, callers)
      console.log(
        `  ${name.padEnd(34)} ${String(perCall).padStart(11)} ${`≤${goal}`.padStart(5)} ${m.p50.toFixed(1).padStart(8)} ${m.p95.toFixed(1).padStart(8)} ${m.p95c.toFixed(1).padStart(8)}  ${what} (${shown})`,
      )
    }
    console.log('  DB req/call = every database request of one call, the router’s own read of the caller included.')
    return ok
  } finally {
    await cloud.stop()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await run()
  process.exit(ok ? 0 : 1)
}
