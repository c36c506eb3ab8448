/**
 * The shared server guards, tested once through a probe function built from
 * tests/cloud/fixtures/guardprobe (it calls each guard as a domain function would) beside the real
 * `contentcheck` function, in the local cloud through the real wx-server-sdk:
 *   - content guard for texts: only `pass` passes (review and risky refused), a failed check refuses;
 *   - own-file guard: another person's upload or another purpose's folder is refused;
 *   - photos: hidden from others until the `wxa_media_check` verdict passes; a failed photo is
 *     removed from the record, deleted, and its author told; a verdict that arrives before the
 *     record knows its check is applied too; a repeated push changes nothing;
 *   - input hygiene: NUL and unpaired surrogates refused, errors never echo long input;
 *   - output check: an answer with an undeclared field fails in the local cloud.
 * Each guard's uses are tested again in the domain tests (users, stations).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { code } from './users-helpers'

const RIDER = 'o-guard-rider'
const OTHER = 'o-guard-other'
let cloud: TestCloud
let functionsDir: string

async function call(action: string, params: Record<string, unknown>, openid = RIDER) {
  const r = await cloud.raw('guardprobe', { action, ...params }, { openid })
  return r.body as { ok: boolean; data?: any; error?: { code: string; message: string; details?: any } }
}

async function upload(openid: string, cloudPath: string, bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-local-openid': openid },
    body: bytes,
  })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body.fileID
}

/** Deliver the platform's `wxa_media_check` push for a trace id, as the message push does (no user). */
async function push(traceId: string, suggest: 'pass' | 'risky' | 'review', errcode?: number) {
  const event: Record<string, unknown> = {
    ToUserName: 'gh_local',
    FromUserName: RIDER,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: 'wxlocalappid',
    trace_id: traceId,
    version: 2,
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20002, prob: 90 }],
  }
  if (errcode !== undefined) event.errcode = errcode
  const r = await cloud.invoke('contentcheck', event, { openid: '' })
  if (!r.ok) throw new Error(`contentcheck failed: ${r.errMsg}`)
  return r.result as { ok: boolean; data?: { verdict: string; applied: boolean } }
}

async function fileExists(fileID: string): Promise<boolean> {
  const res = (await cloud.storage.handleAdmin({ action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileID }] })) as {
    data: { download_list: { code: string }[] }
  }
  return res.data.download_list[0]?.code === 'SUCCESS'
}

beforeAll(async () => {
  // inside the repository, so the bundles resolve wx-server-sdk from its node_modules
  const dist = join(__dirname, '../../', process.env.XG_DIST ?? 'dist')
  functionsDir = mkdtempSync(join(dist, 'guard-functions-'))
  const built = join(dist, 'cloudfunctions')
  for (const fn of readdirSync(built)) cpSync(join(built, fn), join(functionsDir, fn), { recursive: true })
  await build({
    entryPoints: [join(__dirname, 'fixtures/guardprobe/index.ts')],
    outfile: join(functionsDir, 'guardprobe/index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk'],
    logLevel: 'error',
  })
  cloud = await startTestCloud({ functionsDir })
})
afterAll(async () => {
  await cloud.stop()
  rmSync(functionsDir, { recursive: true, force: true })
})

describe('content guard for texts', () => {
  test('pass is accepted; risky and review are refused with CONTENT_REJECTED naming the field', async () => {
    expect((await call('texts', { fields: { title: '小区门口不让电动车进', body: '每天送餐都要绕路' } })).ok).toBe(true)
    const risky = await call('texts', { fields: { title: '正常标题', body: '招人刷单，日赚三百' } })
    expect(risky.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { field: 'body' } })
    const review = await call('texts', { fields: { title: '日结工资，先交押金' } })
    expect(review.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { field: 'title' } })
  })

  test('a check that fails (content over the 2,500-character limit) refuses instead of letting it through', async () => {
    const r = await call('texts', { fields: { body: '长'.repeat(2600) } })
    expect(r.ok).toBe(false)
    expect(r.error?.code).toBe('INTERNAL')
    expect(r.error?.message).toMatch(/内容检查暂时不可用/)
  })

  test('empty and blank texts are not sent for checking (and pass)', async () => {
    expect((await call('texts', { fields: { a: '', b: '   ' } })).ok).toBe(true)
  })
})

describe('own-file guard', () => {
  test('only the caller’s own upload in the folder of this purpose is accepted', async () => {
    const mine = await upload(RIDER, `reports/${RIDER}/a.jpg`)
    const theirs = await upload(OTHER, `reports/${OTHER}/b.jpg`)
    const wrongPurpose = await upload(RIDER, `verification/${RIDER}/c.jpg`)
    expect((await call('attach', { photos: [mine] })).ok).toBe(true)
    for (const photo of [theirs, wrongPurpose, `cloud://local.bucket/reports/${RIDER}/../${OTHER}/b.jpg`]) {
      const r = await call('attach', { photos: [photo] })
      expect([photo, r.error?.code, r.error?.details?.field]).toEqual([photo, 'INVALID_ARGUMENT', 'photos'])
    }
    const dup = await call('attach', { photos: [mine, mine] })
    expect(dup.error?.code).toBe('INVALID_ARGUMENT')
  })
})

describe('photos wait for their verdict', () => {
  test('hidden from others until it passes, always shown to its author', async () => {
    const photo = await upload(RIDER, `reports/${RIDER}/pass.jpg`)
    const attached = await call('attach', { photos: [photo] })
    const { id, pending } = attached.data as { id: string; pending: string[] }
    expect(pending).toHaveLength(1)
    expect((await call('view', { id }, OTHER)).data.files).toEqual([])
    expect((await call('view', { id }, RIDER)).data.files).toEqual([photo])
    expect((await push(pending[0], 'pass')).data).toMatchObject({ verdict: 'passed', applied: true })
    expect((await call('view', { id }, OTHER)).data.files).toEqual([photo])
  })

  test('a risky or review photo is taken off the record, deleted, and its author told; a repeated push changes nothing', async () => {
    for (const suggest of ['risky', 'review'] as const) {
      const photo = await upload(RIDER, `reports/${RIDER}/${suggest}.jpg`)
      const keep = await upload(RIDER, `reports/${RIDER}/${suggest}-keep.jpg`)
      const { id, pending } = (await call('attach', { photos: [photo, keep] })).data as { id: string; pending: string[] }
      const noticesBefore = cloud.db.find('notifications', { openid: RIDER }, { limit: 100 }).length
      expect((await push(pending[0], suggest)).data).toMatchObject({ verdict: 'rejected', applied: true })
      await push(pending[1], 'pass')
      expect((await call('view', { id }, RIDER)).data.files).toEqual([keep])
      expect((await call('view', { id }, OTHER)).data.files).toEqual([keep])
      expect(await fileExists(photo)).toBe(false)
      expect(await fileExists(keep)).toBe(true)
      const notices = cloud.db.find('notifications', { openid: RIDER }, { limit: 100 })
      expect(notices.length).toBe(noticesBefore + 1)
      expect((await push(pending[0], suggest)).data).toMatchObject({ applied: false })
      expect(cloud.db.find('notifications', { openid: RIDER }, { limit: 100 }).length).toBe(noticesBefore + 1)
    }
  })

  test('a failed check (errcode in the push) removes the photo rather than letting it through', async () => {
    const photo = await upload(RIDER, `reports/${RIDER}/err.jpg`)
    const { id, pending } = (await call('attach', { photos: [photo] })).data as { id: string; pending: string[] }
    expect((await push(pending[0], 'pass', 43104)).data).toMatchObject({ verdict: 'rejected', applied: true })
    expect((await call('view', { id }, RIDER)).data.files).toEqual([])
  })

  test('a verdict that arrives before the record knows its check is kept and applied when the check is recorded', async () => {
    // the push for a trace id nobody has recorded yet is stored as an early verdict …
    const early = await push('trace-early-1', 'risky')
    expect(early.data).toMatchObject({ verdict: 'rejected', applied: false })
    expect(cloud.db.find('media_checks', { _id: 'trace-early-1' }, { limit: 1 })[0]).toMatchObject({ state: 'early' })
    // … and applied the moment the action records the check
    const photo = await upload(RIDER, `reports/${RIDER}/early.jpg`)
    const { id } = (await call('attachTraced', { photo, traceId: 'trace-early-1' })).data as { id: string }
    expect((await call('view', { id }, RIDER)).data.files).toEqual([])
    expect(await fileExists(photo)).toBe(false)
    expect(cloud.db.find('media_checks', { _id: 'trace-early-1' }, { limit: 1 })[0]).toMatchObject({ state: 'rejected', docId: id })
    // a passing early verdict makes the photo visible at once
    await push('trace-early-2', 'pass')
    const ok = await upload(RIDER, `reports/${RIDER}/early-ok.jpg`)
    const later = (await call('attachTraced', { photo: ok, traceId: 'trace-early-2' })).data as { id: string }
    expect((await call('view', { id: later.id }, OTHER)).data.files).toEqual([ok])
  })

  test('the verdict action is for the platform only: a person calling it is refused', async () => {
    const r = await cloud.raw('contentcheck', { Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass' } }, { openid: RIDER })
    expect(code(r)).toBe('PERMISSION_DENIED')
    const named = await cloud.raw('contentcheck', { action: 'mediaVerdict', trace_id: 'x' }, { openid: RIDER })
    expect(code(named)).toBe('PERMISSION_DENIED')
  })
})

describe('input hygiene and the contract at run time', () => {
  test('a NUL or half of a surrogate pair is INVALID_ARGUMENT naming the field', async () => {
    for (const text of ['a\u0000b', 'x\uD800', '\uDC00y']) {
      const r = await call('echo', { text })
      expect([JSON.stringify(text), r.error?.code, r.error?.details?.field]).toEqual([JSON.stringify(text), 'INVALID_ARGUMENT', 'text'])
    }
    expect((await call('echo', { text: '正常的字 😀' })).ok).toBe(true)
    const inKey = await call('echo', { 'k\u0000': 1 })
    expect(inKey.error?.code).toBe('INVALID_ARGUMENT')
  })

  test('a refusal never echoes long input back', async () => {
    const huge = 'x'.repeat(1_000_000)
    for (const params of [{ kind: huge }, { text: huge }, { [huge]: 1 }]) {
      const r = await cloud.raw('guardprobe', { action: 'echo', ...params }, { openid: RIDER })
      expect(code(r)).toBe('INVALID_ARGUMENT')
      expect(JSON.stringify(r.body).length).toBeLessThan(2000)
    }
  })

  test('an answer with a field the contract does not declare fails the output check (INTERNAL)', async () => {
    const r = await call('leak', {})
    expect(r.error?.code).toBe('INTERNAL')
    expect(JSON.stringify(r)).not.toContain('13800000000')
  })
})
