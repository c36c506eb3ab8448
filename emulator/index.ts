/**
 * The local cloud as a library: `startLocalCloud({ app, ... })` runs a stand-in for WeChat Cloud
 * for the app described by `app` (see app.ts); `runCli(app)` is the command line around it.
 */
export type { DevPerson, LocalCloudApp } from './app'
export { runCli } from './cli'
export { type CollectionSpec, type IndexSpec, type LocalDatabase, type LocalDatabaseOptions, openDatabase } from './db'
export type { InvokeResult } from './functions/runner'
export type { LocalOpenApi, MediaCheck, OutboxEntry } from './openapi'
export { DEFAULT_APPID, DEFAULT_ENV_ID, type LocalCloud, type LocalCloudOptions, startLocalCloud } from './server'
export type { LocalStorage } from './storage'
