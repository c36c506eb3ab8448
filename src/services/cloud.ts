/**
 * The only door to the backend. Typed by the functions' own contracts (`import type` only, so
 * no server code is bundled): `callFunction('home', 'getHome', {})` → `Envelope<HomeData>`.
 * Never rejects: any failure on the way resolves to `{ ok: false, error: { code: 'NETWORK' |
 * 'INTERNAL', message } }` that a page can show as is.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/userguide.html
 */
import type { ActionName, FunctionName, ParamsOf, ResultOf } from '@cloud/_lib/api'
import type { Envelope } from '@cloud/_lib/envelope'
import { failure } from './envelope'
import { send } from './transport'

export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  params: ParamsOf<F, A>,
): Promise<Envelope<ResultOf<F, A>>> {
  try {
    const data: Record<string, unknown> = { ...(params as Record<string, unknown>), action }
    // The transport checked the envelope's shape; its data is typed by the function's contract.
    return (await send(name, data)) as Envelope<ResultOf<F, A>>
  } catch {
    return failure('INTERNAL', 'no-envelope')
  }
}
