/**
 * JSON bodies at the door. The nesting depth is counted on the raw text, iteratively, before
 * anything parses or walks it: a body nested deeper than MAX_JSON_DEPTH (MongoDB's documented 100
 * levels for a document) is refused in one linear pass, so no recursive walk further in (cloud id
 * resolution, EJSON, the database) can overflow the stack.
 */
import type { IncomingMessage } from 'node:http'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth'
import { readBody } from './util'

export { jsonTooDeep, MAX_JSON_DEPTH } from '../json-depth'

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Read and parse a JSON body (empty = `{}`); BodyError 413 too large, 400 too deep or not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw: Buffer
  try {
    raw = await readBody(req)
  } catch (e) {
    throw new BodyError((e as { status?: number }).status ?? 400, 'request too large')
  }
  if (!raw.length) return {}
  if (jsonTooDeep(raw)) throw new BodyError(400, `request body is nested deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    throw new BodyError(400, 'body must be JSON')
  }
}
