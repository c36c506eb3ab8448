/** `npm run cloud` / `npm start`: the local cloud's command line for this app (bundled into dist/emulator/cli.js by scripts/build-emulator.mjs). */
import { runCli } from '../../emulator/cli'
import { app } from './app'

runCli(app)
