/**
 * The field schemas every contract is built from, defined once: ids, texts, file ids, phone
 * numbers, map points, instants. Inputs are validated with them; outputs are declared with `out`
 * (strict objects: a field the contract does not declare fails the local cloud's output check, so
 * nothing leaks by accident).
 */
import { z } from 'zod'

/** Ids of things we store and openids: letters, digits, `_` and `-`. */
export const key = z
  .string()
  .regex(/^[\w-]{1,64}$/, '只能包含字母、数字、下划线和短横线')
  .describe('id：字母、数字、_ 和 -，最长 64')

/** A trimmed text of at most `max` characters (use `.min(n, '…')` for required ones). */
export const text = (max: number) => z.string().trim().max(max)

/** A cloud storage file id, e.g. cloud://env.xxxx-env-125/reports/<openid>/a.jpg (checked further by the own-file guard). */
export const fileId = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[^/\s]+\/\S+$/, '文件格式不正确')
  .describe('云存储文件 id cloud://…，须是自己上传的')

/** A mainland mobile number. */
export const mobile = z.string().regex(/^1\d{10}$/, '请输入 11 位手机号')

/** A point on the map; the one LatLng of the project. */
export const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict()
export type LatLng = z.infer<typeof latLng>

/** An instant sent with its offset, e.g. 2026-11-23T00:00:00+08:00; the handler gets a Date. */
export const instant = z
  .string()
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .describe('时间，ISO 8601 带时区，如 2026-11-23T00:00:00+08:00')

/** Business date YYYY-MM-DD (Asia/Shanghai). */
export const dateKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .describe('上海日期 YYYY-MM-DD')

/** A client-generated id that makes a retried write happen once. */
export const requestId = z.string().regex(/^[\w-]{8,64}$/, '请求编号格式不正确')

// ---- outputs ----------------------------------------------------------------------------------

/** An output object: strict, so an undeclared field is caught by the output check. */
export const out = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

/** An instant in an answer: ISO 8601 with +08:00 (isoShanghai). */
export const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
  .describe('时间，ISO 8601 带 +08:00')

export const ok = out({ ok: z.literal(true) })
