// globalSetup/teardown of the components layer: one local cloud (in memory, demo town) for the
// built-weapp page tests, started the way `npm run cloud` is; its URL goes to the tests in env.
const { spawn } = require('node:child_process')
const path = require('node:path')

module.exports = async () => {
  const root = path.resolve(__dirname, '../..')
  const proc = spawn(process.execPath, [path.join(root, 'scripts/cloud.mjs'), '--port', '0', '--memory', '--seed', 'demo', '--no-timers'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('local cloud did not start in 60 s')), 60000)
    proc.stdout.on('data', (c) => {
      out += c
      const m = out.match(/LOCAL CLOUD READY (http:\/\/\S+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    proc.on('exit', (code) => reject(new Error(`local cloud exited ${code}`)))
  })
  process.env.XG_COMPONENTS_CLOUD = url
  globalThis.__xgComponentsCloud = proc
}
