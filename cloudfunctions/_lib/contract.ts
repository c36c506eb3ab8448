/**
 * How a function's contract is written and checked. A contract is a table of actions, each with an
 * `input` schema (validated by the router) and an `output` schema (what the handler answers; checked
 * by the compiler through `actionsOf`, checked at run time in the local cloud, and printed in
 * docs/api.md). Pure zod, no SDK: the client imports the types with `import type`.
 *
 *   export const stationsContract = defineContract({ listStations: { input: …, output: … }, … })
 *   export type StationsApi = ApiOf<typeof stationsContract>
 *
 * and in the function: `const act = actionsOf(stationsContract)`, `act('listStations', { … })`,
 * `export const actions = { … } satisfies ActionTable<typeof stationsContract>`.
 */
import type { z } from 'zod'

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny, P = z.input<I>> {
  input: I
  output: O
  /**
   * Compile-time only: what the client passes when it differs from the schema's input (a CloudID
   * object that the platform replaces before the function runs). Never set at run time.
   */
  readonly clientParams?: P
}

export type FunctionSpec = Record<string, ActionSpec>

/** Event keys the router takes for itself or drops as untrusted: never an action's parameter. */
export const RESERVED_PARAMS = ['action', 'userInfo', 'openid', 'OPENID', 'role', 'roles', 'tcbContext'] as const

/** The object schema under refinements and pipelines, if the input is an object. */
function objectShape(schema: z.ZodTypeAny): Record<string, unknown> | null {
  let s: z.ZodTypeAny | undefined = schema
  for (let i = 0; s && i < 10; i++) {
    const def = s._def as { typeName?: string; schema?: z.ZodTypeAny; in?: z.ZodTypeAny; innerType?: z.ZodTypeAny; shape?: () => object }
    if (def.typeName === 'ZodObject') return (s as z.AnyZodObject).shape
    s = def.schema ?? def.in ?? def.innerType
  }
  return null
}

/**
 * A contract. Refuses (at load, so every test catches it) an input field named like a reserved
 * event key: the router would never pass it to the action.
 */
export function defineContract<F extends FunctionSpec>(spec: F): F {
  for (const [name, action] of Object.entries(spec)) {
    const shape = objectShape(action.input)
    const clash = shape ? RESERVED_PARAMS.find((k) => Object.hasOwn(shape, k)) : undefined
    if (clash) throw new Error(`contract: ${name} has an input field "${clash}", which the router reserves`)
  }
  return spec
}

/** An action whose client-side parameters differ from its schema's input (see `clientParams`). */
export function withClientParams<P>() {
  return <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(spec: { input: I; output: O }): ActionSpec<I, O, P> => spec
}

/** What a client sends for an action. */
export type ParamsOf<A extends ActionSpec> = A extends { readonly clientParams?: infer P }
  ? unknown extends P
    ? z.input<A['input']>
    : P
  : z.input<A['input']>
/** What the handler answers (`data` of the envelope). */
export type ResultOf<A extends ActionSpec> = z.output<A['output']>
/** The validated input a handler receives. */
export type InputOf<A extends ActionSpec> = z.output<A['input']>

/** `{ action: { params, result } }` — the client's view of a function (src/services, tests). */
export type ApiOf<F extends FunctionSpec> = { [K in keyof F]: { params: ParamsOf<F[K]>; result: ResultOf<F[K]> } }
