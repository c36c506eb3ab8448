/**
 * One domain router per cloud function: `{ action, ...params }` in, envelope out.
 * Each action declares its input schema and the roles allowed to call it; the router loads the
 * caller once, checks the role, validates input, and turns every failure into an error envelope
 * (never a thrown stack trace).
 */
import type { z } from 'zod'
import { type Caller, loadCaller } from './caller'
import type { Envelope, ErrorCode } from './envelope'
import { AppError } from './errors'
import type { Allowed } from './roles'

export interface ActionContext {
  caller: Caller
  /** The instant the invocation started; pass it on instead of calling `new Date()` twice. */
  now: Date
}

export interface ActionDef<S extends z.ZodTypeAny, R> {
  /** One line in Chinese or English for docs/api.md: what the action does for whom. */
  summary: string
  /** The error codes this action answers besides the router's own (INVALID_ARGUMENT, PERMISSION_DENIED, UNAUTHENTICATED, INTERNAL). */
  errors?: readonly ErrorCode[]
  /**
   * Only for roles ['anyone']: the handler needs the caller's openid but not their profile, so the
   * users read is skipped (caller.roles is just visitor, plus town from the bootstrap list).
   */
  openidOnly?: boolean
  /** Who may call. 'anyone' = any caller with an OPENID. */
  roles: readonly Allowed[]
  /** Also allow invocations with no user (timer triggers, other functions acting for the system). */
  allowSystem?: boolean
  input: S
  /**
   * The scope check after the role check, with the validated input: e.g. "station staff of the
   * station being edited", "liaison of the group this question belongs to". Return false (or throw
   * an AppError such as NOT_FOUND) to refuse; false answers PERMISSION_DENIED.
   */
  scope?: (input: z.output<S>, ctx: ActionContext) => Promise<boolean> | boolean
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>
  /**
   * Called whenever this action answers PERMISSION_DENIED (role, scope or handler), with the raw
   * params (reserved keys removed, not validated). For actions whose refusals must leave a trace,
   * e.g. role changes in the audit log. Its own failures are logged and never change the answer.
   */
  onDenied?: (params: Record<string, unknown>, ctx: ActionContext) => Promise<void>
}

export function action<S extends z.ZodTypeAny, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def
}

// biome-ignore lint/suspicious/noExplicitAny: a table of heterogeneous actions
export type ActionTable = Record<string, ActionDef<any, any>>

/** Keys the platform or an attacker may add to the event; never part of an action's input. */
const RESERVED_EVENT_KEYS = new Set(['action', 'userInfo', 'openid', 'OPENID', 'role', 'roles', 'tcbContext'])

function zodMessage(error: z.ZodError): { message: string; details: Record<string, unknown> } {
  const issue = error.issues[0]
  const field = issue?.path.join('.') || '(参数)'
  return {
    message: `参数不正确：${field}`,
    details: { field, issues: error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) },
  }
}

export function isAllowed(def: Pick<ActionDef<z.ZodTypeAny, unknown>, 'roles'>, caller: Caller): boolean {
  if (def.roles.includes('anyone')) return Boolean(caller.openid)
  return caller.roles.some((r) => def.roles.includes(r))
}

export function createMain(functionName: string, actions: ActionTable) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const now = new Date()
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) {
        throw new AppError('INVALID_ARGUMENT', '请求格式不正确')
      }
      const { action: name, ...rest } = event as Record<string, unknown>
      if (typeof name !== 'string' || !Object.hasOwn(actions, name)) {
        throw new AppError('INVALID_ARGUMENT', '未知的操作', { action: typeof name === 'string' ? name.slice(0, 64) : null })
      }
      const def = actions[name]
      if (def.openidOnly && !(def.roles.length === 1 && def.roles[0] === 'anyone')) {
        throw new Error(`[${functionName}.${name}] openidOnly needs roles ['anyone']`)
      }
      const caller = await loadCaller(now, { withProfile: !def.openidOnly })
      const params: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(rest)) if (!RESERVED_EVENT_KEYS.has(k)) params[k] = v
      const ctx: ActionContext = { caller, now }
      try {
        if (!caller.openid) {
          if (!def.allowSystem) throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序后重试')
        } else if (!isAllowed(def, caller)) {
          throw new AppError('PERMISSION_DENIED', '没有权限进行此操作')
        }
        const parsed = def.input.safeParse(params)
        if (!parsed.success) {
          const { message, details } = zodMessage(parsed.error)
          throw new AppError('INVALID_ARGUMENT', message, details)
        }
        if (def.scope && !(await def.scope(parsed.data, ctx))) throw new AppError('PERMISSION_DENIED', '没有权限进行此操作')
        const data = await def.handler(parsed.data, ctx)
        return { ok: true, data }
      } catch (err) {
        if (err instanceof AppError && err.code === 'PERMISSION_DENIED' && def.onDenied) {
          await def.onDenied(params, ctx).catch((e: unknown) => console.error(`[${functionName}] onDenied failed`, e))
        }
        throw err
      }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() }
      console.error(`[${functionName}] internal error`, err)
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }
    }
  }
}
