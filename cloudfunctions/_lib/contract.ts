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

export function defineContract<F extends FunctionSpec>(spec: F): F {
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
