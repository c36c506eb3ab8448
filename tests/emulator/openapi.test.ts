/**
 * Openapi stand-ins through the UNMODIFIED wx-server-sdk (cloud.openapi.* → action wx.openApi
 * with protobuf bodies; cloud.getOpenData → the svrkit ApiGetOpenDataByCloudId call).
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { wrapCloudId } from '../../emulator/openapi'
import { type Harness, setFunctionEnv, startHarness } from './helpers-openapi/harness'

const APPID = 'wxlocalappid'
const RIDER = 'o-rider-1'
const TEMPLATE = 'tpl-station-booking'

let h: Harness
let dir: string
let cloud: any

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'openapi-test-'))
  h = await startHarness({ dir, appid: APPID })
  setFunctionEnv(h.port, { openid: RIDER, appid: APPID })
  cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
})

afterAll(async () => {
  await h.close()
  rmSync(dir, { recursive: true, force: true })
})

afterEach(() => jest.restoreAllMocks())

describe('security.msgSecCheck v2', () => {
  test('clean text passes with the real result shape', async () => {
    const res = await cloud.openapi.security.msgSecCheck({
      content: '今天送了三十单，东门充电柜很好用',
      version: 2,
      scene: 2,
      openid: RIDER,
    })
    expect(res).toEqual({
      result: { suggest: 'pass', label: 100 },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
        { strategy: 'keyword', errcode: 0 },
      ],
      traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
    })
    // what went over the wire: multipart with the protobuf body, the api name as a field
    const sent = h.adminLog[h.adminLog.length - 1]
    expect(sent.action).toBe('wx.openApi')
    expect(sent.apiName).toBe('security.msgSecCheck')
    expect(Buffer.isBuffer(sent.requestData)).toBe(true)
  })

  test('a rule hit is risky with its label and keyword', async () => {
    const res = await cloud.openapi.security.msgSecCheck({ content: '招人刷单，日赚五百', version: 2, scene: 3, openid: RIDER })
    expect(res.result).toEqual({ suggest: 'risky', label: 20006 })
    expect(res.detail).toContainEqual(
      expect.objectContaining({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: '刷单' }),
    )
  })

  test('review rules and the title are checked too; risky wins over review', async () => {
    const review = await cloud.openapi.security.msgSecCheck({ content: '有事加微信 1234567', version: 2, scene: 2, openid: RIDER })
    expect(review.result).toEqual({ suggest: 'review', label: 10001 })
    const both = await cloud.openapi.security.msgSecCheck({
      title: '代开发票',
      content: '有事加微信 1234567',
      version: 2,
      scene: 3,
      openid: RIDER,
    })
    expect(both.result).toEqual({ suggest: 'risky', label: 20006 })
  })

  test('the rule file is editable while running', async () => {
    const rulesFile = path.join(dir, 'rules.json')
    writeFileSync(rulesFile, JSON.stringify([{ pattern: '/外卖\\s*差评/', label: 20003, suggest: 'review' }]))
    const other = await startHarness({ dir, appid: APPID, rulesFile })
    const saved = process.env.TCB_CONTEXT_CNFG
    // the SDK reads TCB_CONTEXT_CNFG on every request
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${other.baseUrl}/admin` })
    try {
      const check = (content: string) => cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: RIDER })
      expect((await check('给外卖 差评')).result).toEqual({ suggest: 'review', label: 20003 })
      expect((await check('刷单')).result.suggest).toBe('pass')
      writeFileSync(rulesFile, JSON.stringify([{ pattern: '刷单', label: 20006, suggest: 'risky' }]))
      utimesSync(rulesFile, new Date(), new Date(Date.now() + 5000))
      expect((await check('刷单')).result).toEqual({ suggest: 'risky', label: 20006 })
      expect((await check('给外卖 差评')).result.suggest).toBe('pass')
    } finally {
      process.env.TCB_CONTEXT_CNFG = saved
      await other.close()
    }
  })

  test('v1 calls (no version) and bad parameters fail with WeChat error codes', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ content: 'hello' })).rejects.toMatchObject({
      errCode: 47001,
      errMsg: expect.stringMatching(/^openapi\.security\.msgSecCheck:fail data format error/),
    })
    await expect(cloud.openapi.security.msgSecCheck({ content: 'x', version: 2, scene: 9, openid: RIDER })).rejects.toMatchObject({
      errCode: 40129,
    })
    await expect(cloud.openapi.security.msgSecCheck({ content: 'x', version: 2, scene: 1 })).rejects.toMatchObject({ errCode: 40003 })
  })
})

test('security.mediaCheckAsync v2 answers a trace id', async () => {
  const res = await cloud.openapi.security.mediaCheckAsync({
    mediaUrl: 'https://example.invalid/a.png',
    mediaType: 2,
    version: 2,
    scene: 1,
    openid: RIDER,
  })
  expect(res).toEqual({ traceId: expect.stringMatching(/^[0-9a-f-]{26}$/), errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok' })
})

describe('subscribeMessage.send', () => {
  const message = {
    touser: RIDER,
    templateId: TEMPLATE,
    page: 'pages/station/index?id=east',
    miniprogramState: 'developer',
    data: {
      thing1: { value: '东门驿站 充电柜' },
      time2: { value: '2025-06-01 18:00' },
      phrase3: { value: '已预约' },
      character_string4: { value: 'BK20250601001' },
    },
  }

  beforeEach(() => h.openapi.clearOutbox())

  test('one accept allows one send: 43101 before, outbox entry, 43101 again', async () => {
    await expect(cloud.openapi.subscribeMessage.send(message)).rejects.toMatchObject({
      errCode: 43101,
      errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: [0-9a-f-]+$/),
    })
    expect(h.openapi.outbox()).toEqual([])

    h.openapi.recordSubscription(RIDER, [TEMPLATE])
    const ok = await cloud.openapi.subscribeMessage.send(message)
    expect(ok).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    expect(h.openapi.outbox()).toEqual([
      {
        at: expect.any(String),
        touser: RIDER,
        templateId: TEMPLATE,
        page: 'pages/station/index?id=east',
        data: {
          thing1: { value: '东门驿站 充电柜' },
          time2: { value: '2025-06-01 18:00' },
          phrase3: { value: '已预约' },
          character_string4: { value: 'BK20250601001' },
        },
      },
    ])

    await expect(cloud.openapi.subscribeMessage.send(message)).rejects.toMatchObject({ errCode: 43101 })
    expect(h.openapi.outbox()).toHaveLength(1)
  })

  test('accepts accumulate per template and per user', async () => {
    h.openapi.recordSubscription(RIDER, [TEMPLATE, TEMPLATE])
    await cloud.openapi.subscribeMessage.send(message)
    await cloud.openapi.subscribeMessage.send(message)
    await expect(cloud.openapi.subscribeMessage.send({ ...message, touser: 'o-someone-else' })).rejects.toMatchObject({ errCode: 43101 })
    expect(h.openapi.outbox()).toHaveLength(2)
  })

  test('data values are checked against their keyword type (47003) without using the accept', async () => {
    h.openapi.recordSubscription(RIDER, [TEMPLATE])
    const tooLong = { ...message, data: { ...message.data, thing1: { value: '这是一段超过二十个字符的事物描述文字，微信会拒绝' } } }
    await expect(cloud.openapi.subscribeMessage.send(tooLong)).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('argument invalid! data.thing1.value invalid'),
    })
    const empty = { ...message, data: { ...message.data, phrase3: { value: '' } } }
    await expect(cloud.openapi.subscribeMessage.send(empty)).rejects.toMatchObject({
      errMsg: expect.stringContaining('argument invalid! data.phrase3.value is empty'),
    })
    const badPhrase = { ...message, data: { ...message.data, phrase3: { value: 'booked' } } }
    await expect(cloud.openapi.subscribeMessage.send(badPhrase)).rejects.toMatchObject({ errCode: 47003 })
    await expect(cloud.openapi.subscribeMessage.send({ ...message, templateId: '' })).rejects.toMatchObject({ errCode: 40037 })
    // the accept was not spent by the failures
    await expect(cloud.openapi.subscribeMessage.send(message)).resolves.toMatchObject({ errCode: 0 })
    expect(h.openapi.outbox()).toHaveLength(1)
  })
})

describe('CloudID and open data', () => {
  test('cloud.getOpenData resolves a group CloudID to { cloudID, data: { opengid } }', async () => {
    const id = h.openapi.makeGroupCloudId('G-east-riders')
    const res = await cloud.getOpenData({ list: [id] })
    expect(res).toEqual({
      list: [{ cloudID: id, data: { opengid: 'G-east-riders', watermark: { appid: APPID, timestamp: expect.any(Number) } } }],
      errMsg: 'getOpenData:ok',
      errCode: 0,
    })
    const share = h.openapi.makeGroupCloudId('G-east-riders', { kind: 'share' })
    const bad = await cloud.getOpenData({ list: [share, 'not-a-cloud-id'] })
    expect(bad.list[0].data.openGId).toBe('G-east-riders')
    expect(bad.list[1]).toEqual({ cloudID: 'not-a-cloud-id', errCode: -601005, errMsg: 'invalid cloudID.' })
  })

  test('resolveCloudIds replaces top-level CloudIDs only, like the platform before the function runs', () => {
    const caller = { openid: RIDER, appid: APPID, groupOpengid: 'G-east-riders' }
    const id = h.openapi.makeGroupCloudId('G-east-riders', { openid: RIDER })
    const event = h.openapi.resolveCloudIds(
      { action: 'joinGroup', groupInfo: wrapCloudId(id), obj: { shareInfo: wrapCloudId(id) }, list: [wrapCloudId(id)], plain: id },
      caller,
    ) as Record<string, any>
    expect(event.action).toBe('joinGroup')
    expect(event.groupInfo).toEqual({
      cloudID: id,
      data: { opengid: 'G-east-riders', watermark: { appid: APPID, timestamp: expect.any(Number) } },
    })
    expect(event.obj).toEqual({ shareInfo: id })
    expect(event.list).toEqual([id])
    expect(event.plain).toBe(id)
    // a JSON-serialised CloudID object ({cloudID}) is recognised when the id is one we minted
    expect((h.openapi.resolveCloudIds({ g: { cloudID: id } }, caller) as any).g.data.opengid).toBe('G-east-riders')
    expect(h.openapi.resolveCloudIds({ g: { cloudID: 'foreign' } }, caller)).toEqual({ g: { cloudID: 'foreign' } })
  })

  test('invalid, expired, other user: the documented error objects', () => {
    const caller = { openid: RIDER, appid: APPID }
    const mine = h.openapi.makeGroupCloudId('G-1', { openid: RIDER })
    const out = h.openapi.resolveCloudIds(
      { a: wrapCloudId('27_forged'), b: wrapCloudId(mine) },
      { ...caller, openid: 'o-other' },
    ) as Record<string, any>
    expect(out.a).toEqual({ cloudID: '27_forged', errCode: -601005, errMsg: 'invalid cloudID.' })
    expect(out.b).toEqual({ cloudID: mine, errCode: -601007, errMsg: 'cloudID and calling user does not match.' })

    const now = Date.now()
    jest.spyOn(Date, 'now').mockReturnValue(now + 6 * 60 * 1000)
    const late = h.openapi.resolveCloudIds({ g: wrapCloudId(mine) }, caller) as Record<string, any>
    expect(late.g).toEqual({ cloudID: mine, errCode: -601006, errMsg: 'cloudID expired.' })
  })

  test('at most five CloudIDs are replaced per call', () => {
    const id = h.openapi.makeGroupCloudId('G-1')
    const data = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, wrapCloudId(id)]))
    const out = h.openapi.resolveCloudIds(data, { openid: RIDER, appid: APPID }) as Record<string, any>
    expect(Object.values(out).filter((v) => typeof v === 'object')).toHaveLength(5)
    expect(out.k5).toBe(id)
  })
})

test('unknown openapi and actions fail clearly instead of pretending', async () => {
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a=1' })).rejects.toMatchObject({
    errCode: -1,
    errMsg: expect.stringContaining('local emulator does not implement openapi.wxacode.getUnlimited'),
  })
})
