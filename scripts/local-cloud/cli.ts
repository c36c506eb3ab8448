/**
 * `npm run cloud` / `npm start`: the local cloud's command line for this app (bundled into
 * dist/emulator/cli.js by scripts/build-emulator.mjs). The app's own option: `--riders N` (with
 * `--seed demo`) adds N verified load riders `o-load-rider-1` … `o-load-rider-N` (seed/load-riders.ts).
 */
import { runCli } from '../../emulator/cli'
import { app } from './app'
import { ridersArg, withLoadRiders } from './seed/load-riders'

let riders = 0
try {
  riders = ridersArg(process.argv.slice(2))
} catch (err) {
  console.error(`[local-cloud] ${(err as Error).message}`)
  process.exit(2)
}
runCli(riders ? withLoadRiders(app, riders) : app)
