/**
 * Message push (云开发 → 设置 → 其他设置 → 消息推送, push mode 云函数): the platform calls the
 * function configured for an event with the push's JSON as `event` ("云函数被触发时，其 event 参数即是
 * 接口所定义的 JSON 结构的对象"). Locally the app names the function per event
 * (`app.messagePush`, e.g. `{ wxa_media_check: 'contentcheck' }`); it runs as a platform event
 * (SOURCE wx_trigger, no OPENID). A push with no configured or no existing function is kept (and
 * logged), like a push the platform could not deliver.
 */
import type { FunctionRunner } from './functions/runner'

export type Push = (event: Record<string, unknown>) => Promise<{ state: 'delivered' | 'kept' | 'failed'; note: string }>

export function messagePush(
  runner: FunctionRunner,
  routes: Readonly<Record<string, string>>,
  appid: string,
  log: (msg: string) => void,
): Push {
  return async (event) => {
    const name = routes[String(event.Event ?? event.MsgType ?? '')]
    if (!name || !runner.has(name)) {
      const note = name ? `function ${name} does not exist` : `no message push target for ${String(event.Event)}`
      log(`message push ${String(event.Event)} kept: ${note}`)
      return { state: 'kept', note }
    }
    const r = await runner.invoke(name, event, { openid: '', appid, source: 'wx_trigger' })
    if (r.ok) return { state: 'delivered', note: name }
    log(`message push ${String(event.Event)} to ${name} failed: ${r.errMsg}`)
    return { state: 'failed', note: `${name}: ${r.errMsg}` }
  }
}
