/** The local cloud's programmatic entry: `startLocalCloud()` for tests and scripts. */

export { LOCAL_APPID, LOCAL_ENV_ID, type LocalCloud, type LocalCloudOptions, startLocalCloud } from './server'
