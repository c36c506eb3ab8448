#!/usr/bin/env node
/**
 * npm start — the whole product on this machine, one command:
 * builds the cloud functions, the weapp (for WeChat DevTools) and the H5 preview, then starts the
 * local cloud with demo data, serving the H5 preview at / of the same server.
 *   PORT=8787 (default)   npm start -- --skip-build (reuse dist/)   npm start -- --fresh (empty data first)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const skipBuild = process.argv.includes('--skip-build')

function run(label, args) {
  const started = Date.now()
  process.stderr.write(`[start] ${label}…\n`)
  // Build output (progress bars) is kept and shown only when the step fails.
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').slice(-40).join('\n')
    process.stderr.write(`${tail}\n[start] ${label} failed (exit ${r.status}). Run it alone to see why: node ${args.join(' ')}\n`)
    process.exit(r.status ?? 1)
  }
  process.stderr.write(`[start] ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

const taro = join(root, 'node_modules/@tarojs/cli/bin/taro')
if (!skipBuild || !existsSync(join(root, 'dist/h5/index.html'))) {
  run('building cloud functions', [join(root, 'scripts/build-functions.mjs')])
  run('building weapp (dist/weapp, for WeChat DevTools)', [taro, 'build', '--type', 'weapp', '--no-check'])
  run('building H5 preview (dist/h5)', [taro, 'build', '--type', 'h5', '--no-check'])
}
if (process.argv.includes('--fresh')) rmSync(join(root, '.localcloud'), { recursive: true, force: true })

const port = process.env.PORT ?? '8787'
process.stderr.write(
  [
    '',
    '[start] 微信开发者工具：导入本仓库根目录（project.config.json 已指向 dist/weapp 与 dist/cloudfunctions），',
    '        云开发环境 ID 在 .env 的 TARO_APP_CLOUD_ENV；在 dist/cloudfunctions 下各函数目录右键“上传并部署”。',
    `[start] 开发者页面（切换身份、查看数据）：http://127.0.0.1:${port}/__dev/`,
    '',
  ].join('\n'),
)
process.argv.push('--seed', 'demo', '--port', port)
await import('./cloud.mjs')
