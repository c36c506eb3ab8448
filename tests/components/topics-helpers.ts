/**
 * Helpers of the built-weapp topics page tests (they share one local cloud with the other page
 * tests, so each test that changes something makes its own topic first): a call through the
 * gateway as someone, a fresh topic, typing into a field of the simulated page.
 */
import http from 'node:http'
import type { ActionName, FunctionName, ParamsOf, ResultOf } from '../../cloudfunctions/_lib/api'
import type { WeappPage } from './helpers/weapp'

export const cloudUrl = () => process.env.XG_COMPONENTS_CLOUD as string

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  params: ParamsOf<F, A>,
  openid: string,
): Promise<ResultOf<F, A>> {
  // node's http (jsdom has no fetch)
  const payload = Buffer.from(JSON.stringify({ ...(params as object), action }))
  const text = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      `${cloudUrl()}/api/functions/${fn}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length), 'x-local-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
  const body = JSON.parse(text) as { ok: boolean; data: ResultOf<F, A>; error?: unknown }
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data
}

let n = 0
/** A new topic raised by the demo rider 张伟 (a rider may raise five a day: use `author` for more). */
export async function freshTopic(title: string, author = 'o-demo-rider-zhang'): Promise<string> {
  const requestId = `cmp-${Date.now().toString(36)}-${++n}`
  const r = await call(
    'topics',
    'createTopic',
    { title, description: `${title}，页面测试用的议题说明。`, category: 'traffic', requestId },
    author,
  )
  return r.id
}

/** Type `value` into the n-th element matching `selector` (an Input or Textarea), as WeChat reports input. */
export async function type(page: WeappPage, selector: string, value: string, index = 0): Promise<void> {
  const node = page.page.querySelectorAll(selector)[index]
  if (!node) throw new Error(`no ${selector}[${index}]; text: ${page.text().slice(0, 200)}`)
  node.dispatchEvent('input', { detail: { value, cursor: value.length } })
  await new Promise((r) => setTimeout(r, 50))
}

/** Wait until a call with this action was made after `from` calls. */
export async function calledAfter(page: WeappPage, from: number, action: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const hit = page.calls.slice(from).find((c) => c.data.action === action)
    if (hit) return hit.data
    if (Date.now() > until) throw new Error(`no ${action} call; made: ${page.calls.map((c) => c.data.action).join(', ')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
