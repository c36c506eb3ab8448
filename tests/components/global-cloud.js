// globalSetup of the components layer: one local cloud (in memory, demo town) for the built-weapp
// page tests, started the way `npm run cloud` is; its URL goes to the tests in env.
const { spawnLocalCloud } = require('../../scripts/local-cloud-process.cjs')

module.exports = async () => {
  const { url, stop } = await spawnLocalCloud({ seed: 'demo' })
  process.env.XG_COMPONENTS_CLOUD = url
  globalThis.__xgComponentsCloudStop = stop
}
