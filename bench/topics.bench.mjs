#!/usr/bin/env node
/**
 * Topics with 5,000 topics and 50,000 comments in the database: database requests per call (goal:
 * a list page ≤ 2, a topic's page ≤ 3) and latency (p50/p95, sequential and with 10 concurrent
 * riders) of `topics.listTopics` (newest, page 2, most supported, a category and status, a search,
 * near me, followed), `topics.getTopic` (a topic with 10 comments, one with 2,000) and
 * `topics.listComments`, through the gateway → function container → wx-server-sdk → local cloud.
 * The local cloud runs in this process (bundled from emulator/ with esbuild) so every database
 * request a function makes is counted at `db.handle`; the count of a call is the maximum seen over
 * all its runs (a first page reads the categories once a minute per container).
 * Run alone: `node bench/topics.bench.mjs`; `npm run bench` picks it up (bench/*.bench.mjs).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFunction, loadLocalCloud, quantile, rng } from './lib.mjs'

const TOPICS = Number(process.env.BENCH_TOPICS ?? 5000)
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 50000)
const CALLS = Number(process.env.BENCH_CALLS ?? 60)
const CENTRE = { lat: 31.117, lng: 121.572 }
const HOT = 'bench-tp-hot'

const WORDS = [
  '电动车',
  '小区',
  '充电',
  '换电柜',
  '快递',
  '路灯',
  '厕所',
  '停车',
  '红绿灯',
  '积水',
  '井盖',
  '门禁',
  '食堂',
  '排队',
  '保温柜',
  '驿站',
]
const CATS = [
  ['traffic', '通行'],
  ['parking', '停车/充电'],
  ['parcel', '快递存放'],
  ['safety', '安全'],
  ['rights', '权益'],
  ['other', '其他'],
]
const STATUSES = ['submitted', 'submitted', 'accepted', 'deliberating', 'answered', 'implementing', 'done', 'withdrawn']

function topics(n, terms, now) {
  const r = rng(7)
  return Array.from({ length: n }, (_v, i) => {
    const [category, categoryLabel] = CATS[i % CATS.length]
    const title = `${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}问题 ${i}`
    const description = `压测议题 ${i}：${WORDS[(i * 3) % WORDS.length]}和${WORDS[(i * 5) % WORDS.length]}，希望尽快解决。`
    const status = STATUSES[i % STATUSES.length]
    const created = new Date(now - Math.floor(r() * 180) * 86_400_000 - i * 1000)
    const supporters = {}
    const count = Math.floor(r() * 60)
    for (let k = 0; k < count; k++) supporters[`o-bench-s-${(i + k) % 3000}`] = created
    const point = i % 3 ? { lat: CENTRE.lat + (r() - 0.5) * 0.2, lng: CENTRE.lng + (r() - 0.5) * 0.2 } : null
    const awaiting = status === 'accepted' || status === 'deliberating'
    return {
      _id: i === 0 ? HOT : `bench-tp-${i}`,
      title,
      description,
      category,
      categoryLabel,
      place: { text: `周浦镇压测路 ${i} 号`, point },
      ...(point ? { location: { type: 'Point', coordinates: [point.lng, point.lat] } } : {}),
      photos: [],
      pendingMedia: [],
      photoCount: 0,
      progressPhotos: [],
      authorOpenid: `o-bench-author-${i % 800}`,
      authorName: `骑手${i % 800}`,
      groupId: 'grp-bench',
      groupName: '压测群',
      status,
      timeline: [{ id: `te-${i}`, at: created, kind: 'raised', status: 'submitted', actor: '骑手', text: '提出议题', photos: [] }],
      supporters,
      supportCount: count,
      threshold: 10,
      answerRequired: count >= 10,
      followers: { ...supporters, ...(i % 50 === 0 ? { 'o-bench-rider': { at: created, kinds: [], consents: {} } } : {}) },
      followerCount: count,
      commentCount: i === 0 ? 2000 : 0,
      stance: { support: 0, neutral: 0, oppose: 0 },
      signups: {},
      reporters: {},
      reportCount: 0,
      openReports: 0,
      hidden: false,
      moderation: 'none',
      dueAt: awaiting ? new Date(now + (Math.floor(r() * 40) - 10) * 86_400_000) : null,
      dueDate: null,
      originalDueDate: null,
      answeredAt: null,
      session: null,
      answer: null,
      withdrawal: null,
      mergedFrom: [],
      terms: terms.searchTerms(title, description),
      titleTerms: terms.titleBigrams(title),
      monthKey: new Date(created.getTime() + 8 * 3_600_000).toISOString().slice(0, 7),
      createdAt: created,
      updatedAt: created,
    }
  })
}

function comments(n, topicCount, now) {
  const out = []
  for (let i = 0; i < n; i++) {
    // the hot topic has 2,000 comments; the rest spread evenly
    const topicId = i < 2000 ? HOT : `bench-tp-${1 + (i % (topicCount - 1))}`
    out.push({
      _id: `bench-tc-${i}`,
      topicId,
      topicTitle: '压测议题',
      groupId: 'grp-bench',
      parentId: null,
      authorOpenid: `o-bench-s-${i % 3000}`,
      authorName: '骑手',
      authorRole: 'rider',
      stance: ['support', 'neutral', 'oppose'][i % 3],
      text: `压测评论 ${i}`,
      createdAt: new Date(now - (n - i) * 1000),
      editedAt: null,
      hidden: false,
      moderation: 'none',
      reporters: {},
      reportCount: 0,
      openReports: 0,
      removedAt: null,
    })
  }
  return out
}

export async function run() {
  buildFunction('topics')
  const { startLocalCloud, app, terms } = await loadLocalCloud("export * as terms from './cloudfunctions/topics/terms.ts'")
  const cloud = await startLocalCloud({ app, memory: true, seed: 'none', quiet: true, timers: false, poolSize: 4 })
  try {
    const now = Date.now()
    const t0 = performance.now()
    cloud.db.insert('topics', topics(TOPICS, terms, now))
    const all = comments(COMMENTS, TOPICS, now)
    for (let i = 0; i < COMMENTS; i += 5000) cloud.db.insert('topic_comments', all.slice(i, i + 5000))
    cloud.db.insert(
      'topic_follows',
      Array.from({ length: 100 }, (_v, i) => ({
        topicId: `bench-tp-${(i + 1) * 50}`,
        openid: 'o-bench-rider',
        active: true,
        at: new Date(now - i * 60_000),
        since: new Date(now),
      })),
    )
    console.log(
      `topics with ${TOPICS} topics and ${COMMENTS} comments (inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${CALLS} calls per row)`,
    )
    const counts = new Map()
    const original = cloud.db.handle.bind(cloud.db)
    cloud.db.handle = (body) => {
      const a = String(body?.action ?? '?')
      counts.set(a, (counts.get(a) ?? 0) + 1)
      return original(body)
    }
    const call = async (action, params, openid = 'o-bench-rider') => {
      const res = await fetch(`${cloud.url}/api/functions/topics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-openid': openid },
        body: JSON.stringify({ action, ...params }),
      })
      const body = await res.json()
      if (!body.ok) {
        const why = (cloud.runner.logs?.('topics', 5) ?? []).filter((l) => l.level === 'error').map((l) => l.text.split('\n')[0])
        throw new Error(`${action}: ${JSON.stringify(body.error)} ${why.slice(-1).join('')}`)
      }
      return body.data
    }
    const firstPage = await call('listTopics', {})
    const commentsFirst = await call('getTopic', { topicId: HOT })
    const near = { lat: CENTRE.lat, lng: CENTRE.lng }
    const cases = [
      ['list: newest, first page', 'listTopics', {}, 2],
      ['list: newest, page 2 (cursor)', 'listTopics', { cursor: firstPage.cursor }, 2],
      ['list: most supported', 'listTopics', { sort: 'supported' }, 2],
      ['list: category + status', 'listTopics', { category: 'traffic', status: 'live' }, 2],
      ['list: search 充电', 'listTopics', { q: '充电' }, 2],
      ['list: overdue', 'listTopics', { status: 'overdue' }, 2],
      ['list: near me', 'listTopics', { sort: 'near', near }, 2],
      ['list: followed', 'listTopics', { scope: 'followed' }, 2],
      ['detail: 10 comments', 'getTopic', { topicId: 'bench-tp-11' }, 3],
      ['detail: 2,000 comments', 'getTopic', { topicId: HOT }, 3],
      ['comments: page 2', 'listComments', { topicId: HOT, cursor: commentsFirst.commentCursor }, 2],
    ]
    for (const [, action, params] of cases) await call(action, params) // warm the containers
    const head = `  ${'case'.padEnd(30)} ${'rows'.padStart(5)} ${'DB req/call'.padStart(12)} ${'goal'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p95 @10'.padStart(8)} ${'fail@10'.padStart(7)}`
    console.log(head)
    let ok = true
    for (const [name, action, params, goal] of cases) {
      let most = 0
      const seq = []
      let rows = 0
      for (let i = 0; i < CALLS; i++) {
        counts.clear()
        const t = performance.now()
        const data = await call(action, params)
        seq.push(performance.now() - t)
        most = Math.max(
          most,
          [...counts.values()].reduce((a, b) => a + b, 0),
        )
        rows = (data.topics ?? data.comments ?? []).length
      }
      seq.sort((a, b) => a - b)
      const conc = []
      const failed = []
      await Promise.all(
        Array.from({ length: 10 }, async (_v, w) => {
          for (let i = 0; i < CALLS / 10; i++) {
            const t = performance.now()
            await call(action, params, `o-bench-rider-${w}`).catch((e) => failed.push(e.message))
            conc.push(performance.now() - t)
          }
        }),
      )
      conc.sort((a, b) => a - b)
      if (most > goal) ok = false
      console.log(
        `  ${name.padEnd(30)} ${String(rows).padStart(5)} ${String(most).padStart(12)} ${`≤${goal}`.padStart(5)} ${quantile(seq, 0.5).toFixed(1).padStart(8)} ${quantile(seq, 0.95).toFixed(1).padStart(8)} ${quantile(conc, 0.95).toFixed(1).padStart(8)} ${String(failed.length).padStart(7)}`,
      )
      for (const f of new Set(failed)) console.log(`    failed @10: ${f.slice(0, 160)}`)
    }
    console.log(
      '  DB req/call = the most database requests seen in one call (list: openidOnly, no users read; detail: the caller, the topic, the comments).',
    )
    return ok
  } finally {
    await cloud.stop()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await run()
  process.exit(ok ? 0 : 1)
}
