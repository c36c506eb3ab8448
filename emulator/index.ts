/** The local cloud's programmatic entry: `startLocalCloud()` for tests and scripts. */

export { DEMO_GROUP_ID, DEMO_GROUP_OPENGID, DEMO_PEOPLE } from './seed/demo'
export { DEMO_TOWN_OPENID, LOCAL_APPID, LOCAL_ENV_ID, type LocalCloud, type LocalCloudOptions, startLocalCloud } from './server'
