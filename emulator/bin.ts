/** `node <bundle of this file> --app <module> [cli flags]`: the CLI for an app module that exports `app` (or a default export). */
import { resolve } from 'node:path'
import type { LocalCloudApp } from './app'
import { runCli } from './cli'

const i = process.argv.indexOf('--app')
const file = i >= 0 ? process.argv[i + 1] : undefined
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = file ? (require(resolve(file)) as { app?: LocalCloudApp; default?: LocalCloudApp }) : {}
runCli(mod.app ?? mod.default ?? {})
