/**
 * The aggregate operators this function uses, typed: wx-server-sdk's typings omit `db.command.expr`,
 * `aggregate.pipeline()` and some operators that the SDK has (used by lookups with let + pipeline).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.lookup.html
 */
import { db } from '../_lib/cloud'

export interface SubPipeline {
  match(query: unknown): SubPipeline
  sort(spec: Record<string, 1 | -1>): SubPipeline
  project(spec: Record<string, unknown>): SubPipeline
  done(): unknown
}

type Operator = (args: unknown[]) => unknown

export const $ = db.command.aggregate as unknown as {
  pipeline(): SubPipeline
  and: Operator
  eq: Operator
  neq: Operator
  in: Operator
  sum(expr: unknown): unknown
}

/** `db.command.expr`: an aggregate expression as a query (e.g. comparing to a lookup's `$$` variable). */
export const expr = (e: unknown): unknown => (db.command as unknown as { expr(e: unknown): unknown }).expr(e)
