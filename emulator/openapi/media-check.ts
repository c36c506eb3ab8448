/**
 * `security.mediaCheckAsync` v2 and its verdict. The call answers a `trace_id` at once; the
 * verdict arrives later as a `wxa_media_check` message push (mediaCheckAsync docs, "异步检测结果推送"):
 *   { ToUserName, FromUserName: <openid>, CreateTime, MsgType: 'event', Event: 'wxa_media_check',
 *     appid, trace_id, version: 2, result: {suggest, label},
 *     detail: [{strategy: 'content_model', errcode: 0, suggest, label, prob: 90}], errcode: 0, errmsg: 'ok' }
 * Locally the verdict comes from the media rules: the file behind `media_url` (a temp URL this
 * local cloud issued) is read from local storage, and the first rule whose marker its bytes
 * contain decides (risky before review); otherwise pass. A URL that cannot be read gets a push
 * with errcode 40066 (invalid url) and suggest review. Delivery happens `delayMs` after the call
 * (0 = next tick), or when a test flushes held verdicts.
 */
import { createHash } from 'node:crypto'
import type { MediaRule } from './content-rules'
import { str, traceId, type WxJson, wxError } from './wire'

export interface MediaCheck {
  traceId: string
  mediaUrl: string
  mediaType: number
  openid: string
  scene: number
  submittedAt: string
  state: 'pending' | 'delivered' | 'kept' | 'failed'
  /** the pushed event, once decided */
  event?: Record<string, unknown>
  /** function the event went to (delivered/failed) or why it was kept */
  note?: string
}

export interface MediaCheckOptions {
  appid: string
  delayMs: number
  rules: () => MediaRule[]
  /** The bytes behind a temp URL this local cloud issued, or null. */
  readMedia: (url: string) => Promise<Buffer | null>
  /** Deliver the push; resolves with what happened to it. */
  push: (event: Record<string, unknown>) => Promise<{ state: 'delivered' | 'kept' | 'failed'; note: string }>
}

const INVALID_URL = 40066

/** The mediaCheckAsync calls of this local cloud and the delivery of their verdicts. */
export class MediaChecks {
  private checks: MediaCheck[] = []
  private timers = new Map<MediaCheck, NodeJS.Timeout>()
  private inFlight = new Set<Promise<void>>()
  private delivering = new Set<MediaCheck>()
  private held = false
  /** the mini-program's original id, like the real ToUserName ("gh_…") */
  private toUser: string

  constructor(private opts: MediaCheckOptions) {
    this.toUser = `gh_${createHash('sha1').update(opts.appid).digest('hex').slice(0, 12)}`
  }

  /** `security.mediaCheckAsync` v2: validates, queues the check, answers its trace_id. */
  submit(params: Record<string, unknown>): WxJson {
    if (Number(params.version) !== 2)
      return wxError(47001, 'data format error: local emulator serves mediaCheckAsync v2 only, call it with version: 2, scene and openid')
    const mediaUrl = str(params.media_url)
    if (!mediaUrl) return wxError(44002, 'empty post data')
    const mediaType = Number(params.media_type)
    if (![1, 2].includes(mediaType)) return wxError(47001, 'data format error: media_type must be 1 (audio) or 2 (image)')
    const openid = str(params.openid)
    if (!openid) return wxError(40003, 'invalid openid')
    const scene = Number(params.scene)
    if (![1, 2, 3, 4].includes(scene)) return wxError(40129, 'invalid scene')
    const check: MediaCheck = {
      traceId: traceId(),
      mediaUrl,
      mediaType,
      openid,
      scene,
      submittedAt: new Date().toISOString(),
      state: 'pending',
    }
    this.checks.push(check)
    if (this.checks.length > 1000) this.checks.splice(0, this.checks.length - 1000)
    this.schedule(check)
    return { errcode: 0, errmsg: 'ok', trace_id: check.traceId }
  }

  /** Keep verdicts from being pushed until `flush()` (tests); `false` schedules the held ones again. */
  hold(on: boolean): void {
    this.held = on
    if (!on) for (const c of this.checks) if (c.state === 'pending' && !this.timers.has(c) && !this.delivering.has(c)) this.schedule(c)
  }

  /** Push every pending verdict now; resolves when all pushes (and the functions they ran) are done. */
  async flush(): Promise<MediaCheck[]> {
    const pending = this.checks.filter((c) => c.state === 'pending')
    for (const c of pending) {
      if (this.delivering.has(c)) continue
      clearTimeout(this.timers.get(c))
      void this.deliver(c)
    }
    while (this.inFlight.size) await Promise.all([...this.inFlight])
    return pending.map((c) => ({ ...c }))
  }

  list(): MediaCheck[] {
    return this.checks.map((c) => ({ ...c }))
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }

  private schedule(check: MediaCheck) {
    if (this.held) return
    this.timers.set(
      check,
      setTimeout(() => void this.deliver(check), Math.max(0, this.opts.delayMs)),
    )
  }

  private deliver(check: MediaCheck): Promise<void> {
    this.timers.delete(check)
    this.delivering.add(check)
    const p = (async () => {
      check.event = await this.verdict(check)
      const r = await this.opts.push(check.event)
      check.state = r.state
      check.note = r.note
    })()
      .catch((e: unknown) => {
        check.state = 'failed'
        check.note = String((e as Error)?.message ?? e)
      })
      .finally(() => {
        this.inFlight.delete(p)
        this.delivering.delete(check)
      })
    this.inFlight.add(p)
    return p
  }

  /** The push event: the first matching media rule decides (risky before review), else pass; an unreadable URL gets errcode 40066. */
  private async verdict(check: MediaCheck): Promise<Record<string, unknown>> {
    const base = {
      ToUserName: this.toUser,
      FromUserName: check.openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.opts.appid,
      trace_id: check.traceId,
      version: 2,
    }
    const bytes = await this.opts.readMedia(check.mediaUrl).catch(() => null)
    if (!bytes)
      return {
        ...base,
        result: { suggest: 'review', label: 100 },
        detail: [{ strategy: 'content_model', errcode: INVALID_URL }],
        errcode: INVALID_URL,
        errmsg: 'invalid url',
      }
    const hits = this.opts.rules().filter((r) => bytes.includes(Buffer.from(r.marker)))
    const hit = hits.find((r) => r.suggest === 'risky') ?? hits[0]
    const suggest = hit ? hit.suggest : 'pass'
    const label = hit ? Number(hit.label) : 100
    return {
      ...base,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
    }
  }
}
