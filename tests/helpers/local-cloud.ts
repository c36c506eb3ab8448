/**
 * Test helper: a fresh local cloud per test file (in-memory database, temp storage, functions from
 * dist/cloudfunctions) for this app (scripts/local-cloud/app.ts: collections, function environment,
 * demo seed, storage and content rules, message push), and a typed way to call functions through
 * the gateway, as a given user.
 */
import type { ActionName, Api, FunctionName, ParamsOf, ResultOf } from '../../cloudfunctions/_lib/api'
import type { Envelope } from '../../cloudfunctions/_lib/envelope'
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '../../emulator'
import { app } from '../../scripts/local-cloud/app'

export interface TestCloud extends LocalCloud {
  /** POST /api/functions/<name> as `openid` (opened from `group`), returns the envelope. */
  call<F extends FunctionName, A extends ActionName<F>>(
    name: F,
    action: A,
    params: ParamsOf<F, A>,
    as?: { openid?: string; group?: string },
  ): Promise<Envelope<ResultOf<F, A>>>
  /** Raw gateway call for hostile input: any body, any function name. */
  raw(name: string, body: unknown, as?: { openid?: string; group?: string }): Promise<{ status: number; body: unknown }>
}

/**
 * `mediaVerdicts`: 'held' (default) keeps the local cloud's photo verdicts until a test delivers one
 * (tests/cloud/helpers.ts `pushVerdict`) or flushes them, so what a test sees never depends on timing;
 * 'auto' delivers them after the usual short delay, as `npm start` does.
 */
export async function startTestCloud(opts: LocalCloudOptions & { mediaVerdicts?: 'held' | 'auto' } = {}): Promise<TestCloud> {
  const { mediaVerdicts = 'held', ...options } = opts
  const cloud = await startLocalCloud({ app, memory: true, seed: 'none', quiet: true, timers: false, ...options })
  cloud.openapi.holdMediaVerdicts(mediaVerdicts === 'held')
  const raw: TestCloud['raw'] = async (name, body, as = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (as.openid) headers['x-local-openid'] = as.openid
    if (as.group) headers['x-local-group'] = as.group
    const res = await fetch(`${cloud.url}/api/functions/${name}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // keep text
    }
    return { status: res.status, body: parsed }
  }
  return Object.assign(cloud, {
    raw,
    async call<F extends FunctionName, A extends ActionName<F>>(
      name: F,
      action: A,
      params: ParamsOf<F, A>,
      as: { openid?: string; group?: string } = {},
    ) {
      const { status, body } = await raw(name, { ...(params as object), action }, as)
      if (status !== 200) throw new Error(`gateway answered ${status}: ${JSON.stringify(body)}`)
      return body as Envelope<ResultOf<F, A>>
    },
  }) as TestCloud
}

export type { Api }
