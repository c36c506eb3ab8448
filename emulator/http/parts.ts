/** The pieces of a running local cloud that the HTTP handlers use. */
import type { LocalCloudApp } from '../app'
import type { LocalDatabase } from '../db'
import type { FunctionRunner, InvocationContext, InvokeResult } from '../functions/runner'
import type { LocalOpenApi } from '../openapi'
import type { LocalStorage } from '../storage'

export interface CloudParts {
  app: LocalCloudApp
  appid: string
  envId: string
  db: LocalDatabase
  storage: LocalStorage
  openapi: LocalOpenApi
  runner: FunctionRunner
  functionEnv: Readonly<Record<string, string>>
  h5Dir: string
  identityCookie: string
  /** Run a function for a caller (CloudIDs in the data resolved for that caller first). */
  invoke(name: string, data: unknown, ctx: InvocationContext): Promise<InvokeResult>
  runTrigger(fn: string, triggerName: string): Promise<InvokeResult>
  log(msg: string): void
}
