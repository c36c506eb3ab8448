/**
 * Platform transport for `callFunction`. Taro resolves `transport.weapp.ts` / `transport.h5.ts`
 * for the matching build (https://docs.taro.zone/docs/envs#多端文件), so each bundle carries only
 * its own wire code. This base file is what other platforms (and tests) get: it answers with a
 * NETWORK envelope instead of pretending to reach a backend.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import { failure } from './envelope'

/** Send `{ action, ...params }` to function `name`; never rejects. */
export type Transport = (name: string, data: Record<string, unknown>) => Promise<Envelope<unknown>>

export const send: Transport = async () => failure('NETWORK', 'unsupported-platform')
