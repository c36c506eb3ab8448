/**
 * Media-check verdicts. security.mediaCheckAsync answers a trace_id at once; the verdict comes
 * later as a `wxa_media_check` message push to the function the app names (云开发 消息推送,
 * "云函数被触发时，其 event 参数即是接口所定义的 JSON 结构的对象"), with the v2 push shape of the
 * mediaCheckAsync documentation (result + detail, trace_id, version 2). Locally the verdict comes
 * from the app's media rules (a marker in the file's bytes); the file is found from the temp URL.
 */
import { join } from 'node:path'
import { app } from '../../scripts/local-cloud/app'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'

const fixtures = join(__dirname, '../fixtures/functions')
const RIDER = 'o-media-rider'

async function upload(cloud: TestCloud, bytes: Buffer, name: string): Promise<string> {
  const res = await fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(`reports/${RIDER}/${name}`)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-local-openid': RIDER },
    body: new Uint8Array(bytes),
  })
  const body = (await res.json()) as { fileID?: string }
  if (!body.fileID) throw new Error(JSON.stringify(body))
  return body.fileID
}

const png = (marker: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(`..${marker}..`)])

describe('verdicts pushed to the app’s function', () => {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ app: { ...app, messagePush: { wxa_media_check: 'mediasink' } }, functionsDir: fixtures })
    cloud.openapi.holdMediaVerdicts(true)
  })
  afterAll(() => cloud.stop())

  const check = async (body: Record<string, unknown>) => {
    const r = await cloud.raw('mediacheck', body, { openid: RIDER })
    expect(r.status).toBe(200)
    return r.body as { traceId: string; errCode: number; url: string }
  }
  const received = () => cloud.db.find('media_events', {}, { limit: 100 }) as { event: Record<string, any>; ctx: Record<string, unknown> }[]

  test('risky, review and pass by the media rules, each pushed with the documented shape as a platform event', async () => {
    const risky = await check({ fileID: await upload(cloud, png('XG-RISKY'), 'a.png') })
    const review = await check({ fileID: await upload(cloud, png('XG-REVIEW'), 'b.png') })
    const pass = await check({ fileID: await upload(cloud, png('nothing'), 'c.png') })
    expect(risky.errCode).toBe(0)
    expect(risky.traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
    // held: nothing delivered yet, every check listed as pending
    expect(cloud.openapi.mediaChecks().map((c) => c.state)).toEqual(['pending', 'pending', 'pending'])
    const flushed = await cloud.openapi.flushMediaVerdicts()
    expect(flushed).toHaveLength(3)
    expect(cloud.openapi.mediaChecks().map((c) => c.state)).toEqual(['delivered', 'delivered', 'delivered'])

    const byTrace = new Map(received().map((r) => [r.event.trace_id, r]))
    const r = byTrace.get(risky.traceId)
    expect(r?.event).toEqual({
      ToUserName: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      FromUserName: RIDER,
      CreateTime: expect.any(Number),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: cloud.appid,
      trace_id: risky.traceId,
      version: 2,
      result: { suggest: 'risky', label: 20002 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
    })
    expect(Math.abs((r?.event.CreateTime as number) - Date.now() / 1000)).toBeLessThan(600)
    expect(r?.ctx.SOURCE).toBe('wx_trigger')
    expect(r?.ctx.OPENID).toBeUndefined()
    expect(byTrace.get(review.traceId)?.event.result).toEqual({ suggest: 'review', label: 21000 })
    expect(byTrace.get(pass.traceId)?.event.result).toEqual({ suggest: 'pass', label: 100 })
  })

  test('a URL the local cloud did not issue (or a forged signature) gets the error push with errcode', async () => {
    const good = await check({ fileID: await upload(cloud, png('x'), 'd.png') })
    const forged = await check({ url: good.url.replace(/sign=[0-9a-f]+/, 'sign=00') })
    const foreign = await check({ url: 'https://example.com/a.png' })
    await cloud.openapi.flushMediaVerdicts()
    const byTrace = new Map(received().map((r) => [r.event.trace_id, r.event]))
    for (const t of [forged.traceId, foreign.traceId]) {
      expect(byTrace.get(t)).toMatchObject({
        errcode: 40066,
        detail: [{ strategy: 'content_model', errcode: 40066 }],
        result: { suggest: 'review' },
      })
    }
    expect(byTrace.get(good.traceId)?.errcode).toBe(0)
  })

  test('released from hold, a verdict arrives by itself after its delay', async () => {
    cloud.openapi.holdMediaVerdicts(false)
    const c = await check({ fileID: await upload(cloud, png('XG-RISKY'), 'e.png') })
    for (let i = 0; i < 200 && !received().some((r) => r.event.trace_id === c.traceId); i++) await new Promise((r) => setTimeout(r, 25))
    expect(received().some((r) => r.event.trace_id === c.traceId)).toBe(true)
    cloud.openapi.holdMediaVerdicts(true)
  })
})

test('without the target function the verdict is kept and logged, nothing breaks', async () => {
  const cloud = await startTestCloud({ functionsDir: fixtures }) // the app routes wxa_media_check to `contentcheck`, absent here
  try {
    cloud.openapi.holdMediaVerdicts(true)
    const r = await cloud.raw('mediacheck', { url: 'https://example.com/x.png' }, { openid: RIDER })
    expect(r.status).toBe(200)
    const [kept] = await cloud.openapi.flushMediaVerdicts()
    expect(cloud.openapi.mediaChecks()[0]).toMatchObject({ state: 'kept', note: 'function contentcheck does not exist' })
    expect(kept.traceId).toBe((r.body as { traceId: string }).traceId)
    expect((await cloud.raw('whoami', {}, { openid: RIDER })).status).toBe(200)
  } finally {
    await cloud.stop()
  }
})
