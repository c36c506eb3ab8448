/** Ids the functions make: record ids with a readable prefix, and hashes of secret tokens. */
import { createHash, randomBytes } from 'node:crypto'

/** e.g. newId('vf-') → vf-mj3k2a1b9c0d1e2f3a4b5 (time-ordered prefix + 48 random bits). */
export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(6).toString('hex')}`
}

/** A URL-safe random token (e.g. an invite), `bytes` of entropy. */
export const randomToken = (bytes = 24): string => randomBytes(bytes).toString('base64url')

/** SHA-256 hex of a secret token: only the hash is stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')
