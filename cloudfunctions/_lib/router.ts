/**
 * One domain router per cloud function: `{ action, ...params }` in, envelope out.
 * Each action is bound to its contract entry (input + output schemas) and declares the roles allowed
 * to call it; the router loads the caller once, checks the role, refuses unusable strings, validates
 * input, runs the scope check and the handler, and turns every failure into an error envelope
 * (never a thrown stack trace). In the local cloud (`XG_CHECK_OUTPUT=1`) it also checks every answer
 * against the contract's output schema, so a handler that drifts from the contract fails its tests.
 */
import type { z } from 'zod'
import { type Caller, loadCaller } from './caller'
import { type ActionSpec, type FunctionSpec, type InputOf, RESERVED_PARAMS, type ResultOf } from './contract'
import type { Envelope, ErrorCode } from './envelope'
import { AppError, invalid } from './errors'
import { findUnusableString, zodFailure } from './input'
import type { Allowed } from './roles'

export interface ActionContext {
  caller: Caller
  /** The instant the invocation started; pass it on instead of calling `new Date()` twice. */
  now: Date
  /** `<function>.<action>`, e.g. for audit entries and logs. */
  name: string
}

export interface ActionDef<A extends ActionSpec = ActionSpec> {
  /** One line in Chinese for docs/api.md: what the action does for whom. */
  summary: string
  /** The error codes this action answers besides the router's own (INVALID_ARGUMENT, PERMISSION_DENIED, UNAUTHENTICATED, INTERNAL). */
  errors?: readonly ErrorCode[]
  /**
   * Only for roles ['anyone']: the handler needs the caller's openid but not their profile, so the
   * users read is skipped (caller.roles is just visitor, plus town from the bootstrap list).
   */
  openidOnly?: boolean
  /** Who may call. 'anyone' = any caller with an OPENID; 'system' = nobody but the platform (with allowSystem). */
  roles: readonly Allowed[]
  /** Also allow invocations with no user (timer triggers, platform pushes, other functions acting for the system). */
  allowSystem?: boolean
  /**
   * The scope check after the role check, with the validated input: e.g. "station staff of the
   * station being edited", "liaison of the group this question belongs to". Return false (or throw
   * an AppError such as NOT_FOUND) to refuse; false answers PERMISSION_DENIED.
   */
  scope?: (input: InputOf<A>, ctx: ActionContext) => Promise<boolean> | boolean
  handler: (input: InputOf<A>, ctx: ActionContext) => Promise<ResultOf<A>>
  /**
   * Called whenever this action answers PERMISSION_DENIED (role, scope or handler), with the raw
   * params (reserved keys removed, not validated). For actions whose refusals must leave a trace
   * (role changes: `recordDenied` in _lib/audit). Its own failures are logged, never change the answer.
   */
  onDenied?: (params: Record<string, unknown>, ctx: ActionContext) => Promise<void>
}

/** An action as the router holds it: its definition, its name and its contract entry. */
export type BoundAction<A extends ActionSpec = ActionSpec, K extends string = string> = ActionDef<A> & {
  readonly name: K
  readonly spec: A
}

/**
 * The action builder of one contract: `act('listStations', { summary, roles, handler })`. The input
 * and result types come from the contract, so a handler that reads a field the schema does not give
 * or answers a shape the contract does not declare does not compile.
 */
export function actionsOf<F extends FunctionSpec>(contract: F) {
  return <K extends keyof F & string>(name: K, def: ActionDef<F[K]>): BoundAction<F[K], K> => ({ ...def, name, spec: contract[name] })
}

/** The action table of a function: every action of the contract, each under its own name. */
export type ActionTable<F extends FunctionSpec> = { [K in keyof F & string]: BoundAction<F[K], K> }

/** What the router (and the role-matrix test) holds: a table of any contract. */
// biome-ignore lint/suspicious/noExplicitAny: the router serves tables of any contract
export type RouterTable = Record<string, BoundAction<any, string>>

/** Keys the platform or an attacker may add to the event; never part of an action's input. */
const RESERVED_EVENT_KEYS = new Set<string>(RESERVED_PARAMS)

export function isAllowed(def: Pick<ActionDef, 'roles'>, caller: Caller): boolean {
  if (def.roles.includes('anyone')) return Boolean(caller.openid)
  return caller.roles.some((r) => def.roles.includes(r))
}

const checkOutput = () => process.env.XG_CHECK_OUTPUT === '1'

async function run(functionName: string, def: BoundAction, rest: Record<string, unknown>, now: Date): Promise<unknown> {
  if (def.openidOnly && !(def.roles.length === 1 && def.roles[0] === 'anyone')) {
    throw new Error(`[${functionName}.${def.name}] openidOnly needs roles ['anyone']`)
  }
  const caller = await loadCaller(now, { withProfile: !def.openidOnly })
  const params: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(rest)) if (!RESERVED_EVENT_KEYS.has(k)) params[k] = v
  const ctx: ActionContext = { caller, now, name: `${functionName}.${def.name}` }
  try {
    if (!caller.openid) {
      if (!def.allowSystem) throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序后重试')
    } else if (!isAllowed(def, caller)) {
      throw new AppError('PERMISSION_DENIED', '没有权限进行此操作')
    }
    const unusable = findUnusableString(params)
    if (unusable !== null) throw invalid('内容含有无法识别的字符，请删掉后重试', { field: unusable || '(参数)' })
    const parsed = def.spec.input.safeParse(params)
    if (!parsed.success) {
      const { message, details } = zodFailure(parsed.error)
      throw invalid(message, details)
    }
    if (def.scope && !(await def.scope(parsed.data, ctx))) throw new AppError('PERMISSION_DENIED', '没有权限进行此操作')
    const data = await def.handler(parsed.data, ctx)
    if (checkOutput()) assertOutput(`${functionName}.${def.name}`, def.spec.output, data)
    return data
  } catch (err) {
    if (err instanceof AppError && err.code === 'PERMISSION_DENIED' && def.onDenied) {
      await def.onDenied(params, ctx).catch((e: unknown) => console.error(`[${functionName}] onDenied failed`, e))
    }
    throw err
  }
}

function assertOutput(name: string, schema: z.ZodTypeAny, data: unknown): void {
  const res = schema.safeParse(data)
  if (res.success) return
  const issues = res.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  console.error(`[${name}] answer does not match the contract's output`, issues)
  throw new AppError('INTERNAL', '服务暂时不可用，请稍后重试', { outputCheck: issues })
}

/**
 * `platformEvents` maps a platform push (`event.Event`, e.g. `wxa_media_check`, which carries no
 * `action`) to the action that serves it; such actions are for the system only.
 */
export function createMain(functionName: string, actions: RouterTable, platformEvents: Record<string, string> = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const now = new Date()
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) throw invalid('请求格式不正确')
      const body = event as Record<string, unknown>
      const pushed =
        body.action === undefined && typeof body.Event === 'string' && Object.hasOwn(platformEvents, body.Event)
          ? platformEvents[body.Event]
          : undefined
      const { action: named, ...rest } = body
      const name = pushed ?? named
      if (typeof name !== 'string' || !Object.hasOwn(actions, name)) {
        throw invalid('未知的操作', { action: typeof name === 'string' ? name.slice(0, 64) : null })
      }
      return { ok: true, data: await run(functionName, actions[name], rest, now) }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() }
      console.error(`[${functionName}] internal error`, err)
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }
    }
  }
}
