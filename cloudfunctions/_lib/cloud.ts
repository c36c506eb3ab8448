/**
 * The one place a function touches wx-server-sdk's setup. `DYNAMIC_CURRENT_ENV` makes every call
 * use the environment the function runs in (production and the local cloud alike).
 * The SDK's typings give `get()` a callback-style union return; `rows`/`row` narrow it once here.
 */
import cloud from 'wx-server-sdk'

// The typings declare the constant as a symbol, while init's parameter type omits it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database()
export const _ = db.command

type Row = Record<string, unknown>

/** Documents of a query (`where(...).limit(...)` etc.). */
export async function rows<T = Row>(query: { get(): unknown }): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

/** The first document of a query, or null. */
export async function row<T = Row>(query: { limit(n: number): { get(): unknown } }): Promise<T | null> {
  const list = await rows<T>(query.limit(1))
  return list[0] ?? null
}
