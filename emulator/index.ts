/** The local cloud's programmatic entry: `startLocalCloud()` for tests and scripts. */
export { startLocalCloud, DEMO_TOWN_OPENID, LOCAL_APPID, LOCAL_ENV_ID, type LocalCloud, type LocalCloudOptions } from './server'
export { DEMO_PEOPLE, DEMO_GROUP_ID, DEMO_GROUP_OPENGID } from './seed/demo'
