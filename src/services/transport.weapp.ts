/**
 * weapp transport: `Taro.cloud.callFunction` → `res.result` is the function's envelope.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html
 * The caller's identity is the WeChat OPENID the cloud attaches; nothing identity-like is sent.
 */

import type { Envelope } from '@cloud/_lib/envelope'
import Taro from '@tarojs/taro'
import { CALL_TIMEOUT_MS } from '@/config/cloud'
import { failure, isEnvelope, withTimeout } from './envelope'

/** errCodes of wx.cloud that mean the function ran and failed, rather than the network. */
const FUNCTION_FAILED = new Set([-504002, -404011])

export async function send(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const call = Taro.cloud.callFunction({ name, data }).then((res): Envelope<unknown> => {
      return isEnvelope(res.result) ? res.result : failure('INTERNAL', 'no-envelope')
    })
    return await withTimeout(call, CALL_TIMEOUT_MS, () => failure('NETWORK', 'timeout'))
  } catch (err) {
    const errCode = typeof err === 'object' && err !== null ? (err as { errCode?: unknown }).errCode : undefined
    if (typeof errCode === 'number' && FUNCTION_FAILED.has(errCode)) {
      return failure('INTERNAL', 'function-error', { errCode })
    }
    return failure('NETWORK', 'offline', typeof errCode === 'number' ? { errCode } : {})
  }
}
