/**
 * Local storage through the UNMODIFIED wx-server-sdk: the SDK is configured only by the
 * environment a cloud function gets, and talks HTTP to the harness.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import * as http from 'node:http'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { type Harness, setFunctionEnv, startHarness } from './helpers-openapi/harness'

let h: Harness
let dir: string
let cloud: any

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storage-test-'))
  h = await startHarness({ dir })
  setFunctionEnv(h.port, { openid: 'o-rider-1', appid: 'wxlocalappid' })
  cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
})

afterAll(async () => {
  await h.close()
  rmSync(dir, { recursive: true, force: true })
})

function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

test('upload → getTempFileURL → download → delete, through the real SDK', async () => {
  const content = Buffer.from('骑手之家 · 充电柜照片 ✓')
  const up = await cloud.uploadFile({ cloudPath: 'stations/东门/photo 1.txt', fileContent: content })
  expect(up.fileID).toMatch(/^cloud:\/\/local\.[^/]+\/stations\/东门\/photo 1\.txt$/)
  // wx-server-sdk passes an onResponseReceived hook that node-sdk 3.17 never calls: -1 in the real cloud too
  expect(up.statusCode).toBe(-1)
  // the SDK asked for upload metadata over JSON, then PUT the bytes to our URL
  expect(h.adminLog.map((b) => b.action)).toContain('storage.getUploadMetadata')

  const temp = await cloud.getTempFileURL({ fileList: [up.fileID, { fileID: up.fileID, maxAge: 60 }] })
  expect(temp.fileList).toHaveLength(2)
  for (const f of temp.fileList) {
    expect(f).toMatchObject({ fileID: up.fileID, status: 0, errMsg: 'ok' })
    expect(f.tempFileURL.startsWith(`${h.baseUrl}/__storage/file/stations/东门/photo 1.txt?`)).toBe(true)
  }
  expect(temp.fileList[1].maxAge).toBe(60)
  // a browser (or <image src>) can fetch the temp URL as is
  const fetched = await get(encodeURI(temp.fileList[0].tempFileURL))
  expect(fetched.status).toBe(200)
  expect(fetched.headers['content-type']).toMatch(/^text\/plain/)
  expect(fetched.body.equals(content)).toBe(true)

  const down = await cloud.downloadFile({ fileID: up.fileID })
  expect(down.statusCode).toBe(200)
  expect(Buffer.isBuffer(down.fileContent)).toBe(true)
  expect(down.fileContent.equals(content)).toBe(true)

  const del = await cloud.deleteFile({ fileList: [up.fileID] })
  expect(del.fileList).toEqual([{ fileID: up.fileID, status: 0, errMsg: 'ok' }])

  // gone: temp URL asks fail per file, download rejects, the old URL answers 404
  const after = await cloud.getTempFileURL({ fileList: [up.fileID] })
  expect(after.fileList[0]).toMatchObject({ fileID: up.fileID, status: -503003, tempFileURL: '' })
  await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' })
  expect((await get(encodeURI(temp.fileList[0].tempFileURL))).status).toBe(404)
  const delAgain = await cloud.deleteFile({ fileList: [up.fileID] })
  expect(delAgain.fileList[0]).toMatchObject({ fileID: up.fileID, status: -503003 })
})

test('uploadFile with a stream and overwrite keeps the latest content', async () => {
  const fs = await import('node:fs')
  const src = path.join(dir, 'src.bin')
  fs.writeFileSync(src, Buffer.alloc(300 * 1024, 7))
  const first = await cloud.uploadFile({ cloudPath: 'big/a.bin', fileContent: fs.createReadStream(src) })
  const second = await cloud.uploadFile({ cloudPath: 'big/a.bin', fileContent: Buffer.from('v2') })
  expect(second.fileID).toBe(first.fileID)
  const down = await cloud.downloadFile({ fileID: first.fileID })
  expect(down.fileContent.toString()).toBe('v2')
})

test('bad paths and foreign file ids are refused, nothing escapes the folder', async () => {
  await expect(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({
    code: 'INVALID_PARAM',
  })
  await expect(cloud.uploadFile({ cloudPath: '/abs.txt', fileContent: Buffer.from('x') })).rejects.toBeTruthy()
  const foreign = await cloud.getTempFileURL({ fileList: ['cloud://other-env.6f74-other-env-1/a.txt'] })
  expect(foreign.fileList[0].status).toBe(-503003)
  // a tampered signature is refused
  const up = await cloud.uploadFile({ cloudPath: 'sig/a.txt', fileContent: Buffer.from('x') })
  const url: string = (await cloud.getTempFileURL({ fileList: [up.fileID] })).fileList[0].tempFileURL
  expect((await get(url.replace(/sign=[0-9a-f]+/, 'sign=00'))).status).toBe(403)
  expect((await get(`${h.baseUrl}/__storage/file/sig/a.txt`)).status).toBe(403)
})

test('client upload (H5 gateway path): multipart and raw body', async () => {
  const boundary = '----local' + Date.now()
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\navatars/o-rider-2.png\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const post = (pathname: string, body: Buffer, contentType: string) =>
    new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = http.request(
        `${h.baseUrl}${pathname}`,
        { method: 'POST', headers: { 'content-type': contentType, 'x-local-openid': 'o-rider-2' } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  const a = await post('/api/storage/upload', payload, `multipart/form-data; boundary=${boundary}`)
  expect(a.status).toBe(200)
  expect(a.json.fileID).toMatch(/\/avatars\/o-rider-2\.png$/)
  const down = await cloud.downloadFile({ fileID: a.json.fileID })
  expect([...down.fileContent]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])

  const b = await post('/api/storage/upload', Buffer.from('hello'), 'image/jpeg')
  expect(b.status).toBe(200)
  expect(b.json.fileID).toMatch(/\/uploads\/o-rider-2\/\d+-[0-9a-f]{8}\.jpg$/)
  const c = await post('/api/storage/upload?cloudPath=notes/n.txt', Buffer.from('n'), 'text/plain')
  expect(c.json.fileID).toMatch(/\/notes\/n\.txt$/)
  const bad = await post('/api/storage/upload?cloudPath=../x', Buffer.from('n'), 'text/plain')
  expect(bad.status).toBe(400)
})
