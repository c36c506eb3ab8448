/**
 * 小哥之家 as the local cloud sees it: the one place that tells the general-purpose local cloud
 * (emulator/) about this app — its collections and indexes, its functions' environment (the local
 * values of what a deployer sets in the console), its demo seed, the storage security rule and
 * content rules, and which function receives the media-check verdicts.
 * Used by `npm run cloud` / `npm start` (scripts/local-cloud/cli.ts) and by the tests
 * (tests/helpers/local-cloud.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections'
import type { DevPerson, LocalCloudApp } from '../../emulator/app'
import { DEMO_TOWN_OPENID, seedDemo } from './seed/demo'

/** The repository root (the folder whose package.json is this project's), from the sources or from the bundle in dist/. */
function findRepoRoot(from: string): string {
  for (let dir = from, i = 0; i < 8; i++, dir = dirname(dir)) {
    const pkg = join(dir, 'package.json')
    try {
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'xiaoge-home') return dir
    } catch {
      // keep walking up
    }
    if (dirname(dir) === dir) break
  }
  return process.cwd()
}

export const REPO_ROOT = findRepoRoot(__dirname)
const DIST = resolve(REPO_ROOT, process.env.XG_DIST ?? 'dist')

/** The storage security rule: README tells the deployer to paste this file; the local cloud enforces it on client uploads. */
export const STORAGE_RULES_FILE = join(REPO_ROOT, 'scripts/local-cloud/storage-rules.json')
/** Local msgSecCheck text rules and mediaCheckAsync media markers. */
export const CONTENT_RULES_FILE = join(REPO_ROOT, 'scripts/local-cloud/content-rules.json')
/** The local value of STATION_CHECKIN_SECRET (a deployment sets its own random one). */
export const LOCAL_CHECKIN_SECRET = 'local-dev-checkin-secret-not-for-production'
/** The function that receives the wxa_media_check message push. */
export const MEDIA_CHECK_FUNCTION = 'contentcheck'

/**
 * `resource.openid` of a storage path in this app: clients upload to `<folder>/<their openid>/<name>`,
 * so a file's owner is its second path segment (no owner for any other shape). See README, "Storage security rule".
 */
export function ownerOfPath(cloudPath: string): string | null {
  const segments = cloudPath.split('/')
  return segments.length >= 3 && segments.every((s) => s !== '' && s !== '.' && s !== '..') ? segments[1] : null
}

/** The dev page's "who am I" list: the app's users with their roles (town from TOWN_BOOTSTRAP_OPENIDS). */
function devPeople(db: Parameters<NonNullable<LocalCloudApp['devPeople']>>[0], env: Readonly<Record<string, string>>): DevPerson[] {
  const town = new Set((env.TOWN_BOOTSTRAP_OPENIDS ?? '').split(',').filter(Boolean))
  return db.find('users', {}, { limit: 200 }).map((u) => {
    const roles: string[] = Array.isArray(u.roles) ? u.roles : []
    const tags = roles.length ? [...roles] : ['visitor']
    if (town.has(String(u._id)) && !tags.includes('town')) tags.push('town')
    return { openid: String(u._id), name: String(u.nickname ?? u._id), tags }
  })
}

export const app: LocalCloudApp = {
  name: '小哥之家',
  envId: 'xiaoge-local',
  appid: 'wxlocal0000000000',
  collections: COLLECTIONS,
  // The function environment variables a deployment sets in the console (README "Deploy"); local values.
  functionEnv: {
    TOWN_BOOTSTRAP_OPENIDS: DEMO_TOWN_OPENID,
    STATION_CHECKIN_SECRET: LOCAL_CHECKIN_SECRET,
    XG_CHECK_OUTPUT: '1',
  },
  functionsDir: join(DIST, 'cloudfunctions'),
  h5Dir: join(DIST, 'h5'),
  dataDir: join(REPO_ROOT, '.localcloud'),
  seeds: { demo: seedDemo },
  storageRules: { file: STORAGE_RULES_FILE, ownerOf: ownerOfPath },
  contentRulesFile: CONTENT_RULES_FILE,
  messagePush: { wxa_media_check: MEDIA_CHECK_FUNCTION },
  devPeople,
  identityCookie: 'xg_local_openid',
}
