// jest globalSetup of the cloud layer: bundle the functions once, as `npm run build:functions` does.
// XG_FUNCTIONS=home,users builds only those (while another function is being reworked).
const { spawnSync } = require('node:child_process')
const path = require('node:path')

module.exports = async () => {
  const root = path.resolve(__dirname, '../..')
  const only = (process.env.XG_FUNCTIONS ?? '').split(',').filter(Boolean)
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs'), ...only], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0) throw new Error('building cloud functions failed')
}
