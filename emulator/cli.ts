/**
 * The command line of the local cloud, for an app:
 *   [--port <port>] [--data-dir <dir> | --memory] [--seed <name>|none] [--host 127.0.0.1 [--allow-non-loopback]]
 *   [--no-timers] [--echo-logs] [--media-delay <ms>] [--print-indexes]
 * Prints `LOCAL CLOUD READY http://127.0.0.1:<port>` once it accepts requests. SIGTERM/SIGINT stop it cleanly.
 * An app calls `runCli(app)` from its own entry (this repository: scripts/local-cloud/cli.ts);
 * `node emulator/bin.js --app <module>` loads an app module exporting `app`.
 */
import { resolve } from 'node:path'
import type { LocalCloudApp } from './app'
import { startLocalCloud } from './server'

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}

function printIndexes(app: LocalCloudApp): void {
  for (const [name, spec] of Object.entries(app.collections ?? {})) {
    console.log(`${name}${spec.description ? `  — ${spec.description}` : ''}`)
    for (const idx of spec.indexes) console.log(`    ${idx.name}: ${JSON.stringify(idx.keys)}${idx.unique ? ' (唯一)' : ''}`)
  }
}

async function main(app: LocalCloudApp, argv: string[]): Promise<void> {
  if (argv.includes('--print-indexes')) return printIndexes(app)
  const portArg = arg(argv, '--port') ?? process.env.PORT ?? '8787'
  const port = Number(portArg)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portArg}`)
  const memory = argv.includes('--memory')
  const dataDir = memory ? undefined : resolve(arg(argv, '--data-dir') ?? app.dataDir ?? '.localcloud')
  const delay = arg(argv, '--media-delay')
  const cloud = await startLocalCloud({
    app,
    port,
    host: arg(argv, '--host') ?? '127.0.0.1',
    allowNonLoopback: argv.includes('--allow-non-loopback'),
    dataDir,
    memory,
    seed: arg(argv, '--seed') ?? 'none',
    timers: !argv.includes('--no-timers'),
    echoFunctionLogs: argv.includes('--echo-logs'),
    mediaVerdictDelayMs: delay === undefined ? undefined : Number(delay),
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

/** Run the CLI for `app` with `argv` (default: this process's arguments). Exits the process on a start failure. */
export function runCli(app: LocalCloudApp, argv: string[] = process.argv.slice(2)): void {
  main(app, argv).catch((err: unknown) => {
    console.error(`[local-cloud] failed to start: ${(err as Error).message ?? err}`)
    process.exit(1)
  })
}
