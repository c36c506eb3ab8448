/**
 * npm run cloud -- [--port <port>] [--data-dir <dir> | --memory] [--seed demo|none]
 *                  [--host 127.0.0.1] [--allow-non-loopback] [--no-timers] [--print-indexes]
 * Prints `LOCAL CLOUD READY http://127.0.0.1:<port>` once it accepts requests. SIGTERM/SIGINT stop it cleanly.
 */
import { resolve } from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_lib/collections'
import { REPO_ROOT, startLocalCloud } from './server'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  if (process.argv.includes('--print-indexes')) {
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      console.log(`${name}  — ${spec.description}`)
      for (const idx of spec.indexes)
        console.log(`    ${idx.name}: ${JSON.stringify(idx.keys)}${'unique' in idx && idx.unique ? ' (唯一)' : ''}`)
    }
    return
  }
  const portArg = arg('--port') ?? process.env.PORT ?? '8787'
  const port = Number(portArg)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portArg}`)
  const seed = (arg('--seed') ?? 'none') as 'demo' | 'none'
  if (seed !== 'demo' && seed !== 'none') throw new Error(`--seed must be demo or none, not ${seed}`)
  const memory = process.argv.includes('--memory')
  const dataDir = memory ? undefined : resolve(arg('--data-dir') ?? resolve(REPO_ROOT, '.localcloud'))
  const cloud = await startLocalCloud({
    port,
    host: arg('--host') ?? '127.0.0.1',
    allowNonLoopback: process.argv.includes('--allow-non-loopback'),
    dataDir,
    memory,
    seed,
    timers: !process.argv.includes('--no-timers'),
    echoFunctionLogs: process.argv.includes('--echo-logs'),
  })
  const shutdown = async (signal: string) => {
    process.stderr.write(`[local-cloud] ${signal}: stopping\n`)
    await cloud.stop()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.stderr.write(
    `[local-cloud] data: ${memory ? 'in memory' : dataDir}; functions: ${cloud.runner.list().join(', ') || '(none built)'}\n`,
  )
  console.log(`LOCAL CLOUD READY ${cloud.url}`)
}

main().catch((err: unknown) => {
  console.error(`[local-cloud] failed to start: ${(err as Error).message ?? err}`)
  process.exit(1)
})
