/** Shared by the 我的 page tests on the built weapp: the local cloud's URL, and a missing build that fails (never skips). */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { WEAPP } from './helpers/weapp'

export const cloudUrl = (): string => process.env.XG_COMPONENTS_CLOUD as string

/** Throws when dist/weapp is not built: run `npm run build:weapp` first. */
export function needBuiltWeapp(): void {
  if (!existsSync(path.join(WEAPP, 'app.js'))) throw new Error(`no weapp build at ${WEAPP}: run npm run build:weapp first`)
}
