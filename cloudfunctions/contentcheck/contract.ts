/**
 * Contract of the `contentcheck` function: the platform's content-security pushes. Not called by
 * the mini-program (its one action is for the system only).
 */
import { z } from 'zod'
import { type ApiOf, defineContract } from '../_lib/contract'
import { out } from '../_lib/schema'

/** The `wxa_media_check` message push (mediaCheckAsync v2): https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html */
export const mediaVerdictInput = z
  .object({
    Event: z.literal('wxa_media_check'),
    trace_id: z.string().min(1).max(128),
    version: z.union([z.number(), z.string()]).optional(),
    result: z
      .object({ suggest: z.string().max(16).optional(), label: z.union([z.string(), z.number()]).optional() })
      .passthrough()
      .optional(),
    errcode: z.number().optional(),
  })
  .passthrough()

export const contentcheckContract = defineContract({
  mediaVerdict: {
    input: mediaVerdictInput,
    output: out({ traceId: z.string(), verdict: z.enum(['passed', 'rejected']), applied: z.boolean() }),
  },
})
export type ContentcheckApi = ApiOf<typeof contentcheckContract>
