/**
 * The one place a function touches wx-server-sdk's setup. `DYNAMIC_CURRENT_ENV` makes every call
 * use the environment the function runs in (production and the local cloud alike).
 */
import cloud from 'wx-server-sdk'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

export { cloud }
export const db = cloud.database()
export const _ = db.command
