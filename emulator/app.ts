/**
 * What a mini-program tells the local cloud about itself. The local cloud is a general stand-in
 * for WeChat Cloud; everything specific to one app — its collections and indexes, its functions'
 * environment variables, its demo data, its storage security rule, its content rules, which
 * function receives which message push — comes in through this object.
 */
import type { LocalDatabase } from './db'
import type { CollectionSpec } from './db/store'

export interface DevPerson {
  openid: string
  /** shown on the dev page */
  name: string
  /** e.g. roles */
  tags: string[]
}

export interface LocalCloudApp {
  /** Shown on the dev page and the placeholder page. */
  name?: string
  /** The cloud environment id (file ids are `cloud://<envId>.<bucket>/…`). Default `local-env`. */
  envId?: string
  /** The mini-program's AppID as functions see it (`getWXContext().APPID`). Default `wxlocal0000000000`. */
  appid?: string
  /** Collections created at start, with their indexes (unique and 2dsphere indexes are enforced). */
  collections?: Readonly<Record<string, CollectionSpec>>
  /** Environment variables of every function container (the console's 函数环境变量). */
  functionEnv?: Readonly<Record<string, string>>
  /** Bundled functions: `<functionsDir>/<name>/index.js` (+ config.json). Default `dist/cloudfunctions` under the working directory. */
  functionsDir?: string
  /** The H5 build served at `/` when it exists. Default `dist/h5` under the working directory. */
  h5Dir?: string
  /** Persistent data folder of the CLI when `--data-dir` is not given. Default `.localcloud` under the working directory. */
  dataDir?: string
  /** Seeds by name (`--seed <name>`): each adds the documents that are missing and returns how many. */
  seeds?: Readonly<Record<string, (db: LocalDatabase, now?: Date) => number>>
  /**
   * The storage custom security rule (`{"read": …, "write": …}`, CloudBase's expression language)
   * that client uploads must pass; the same file a deployer pastes into the console.
   * `ownerOf` gives `resource.openid` for a path; without it, the openid that uploaded the file.
   */
  storageRules?: { file: string; ownerOf?: (cloudPath: string) => string | null }
  /** msgSecCheck / mediaCheckAsync rules: `[{pattern, label, suggest}]` or `{text: [...], media: [{marker, label, suggest}]}`. */
  contentRulesFile?: string
  /** Message push (云开发 → 设置 → 消息推送): event name → the function that receives it, e.g. `{ wxa_media_check: 'contentcheck' }`. */
  messagePush?: Readonly<Record<string, string>>
  /** The people the dev page offers to log in as. */
  devPeople?: (db: LocalDatabase, functionEnv: Readonly<Record<string, string>>) => DevPerson[]
  /** Name of the identity cookie of the gateway (default `local_openid`). */
  identityCookie?: string
}
