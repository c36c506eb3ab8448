/**
 * One cloud-function container: loads a bundled function (dist/cloudfunctions/<name>/index.js)
 * and runs one invocation at a time, the way the WeChat Cloud runtime does. Before each
 * invocation the parent sends the WX context as environment variables (WX_CONTEXT_KEYS,
 * WX_OPENID, ...), which `cloud.getWXContext()` reads unmodified.
 * Plain CommonJS on purpose: it runs as-is under `node`, no build step.
 */
'use strict'
const path = require('node:path')

const fnDir = process.argv[2]
const perInvocationKeys = new Set()
let mod
let loadError

try {
  process.chdir(fnDir)
  mod = require(path.join(fnDir, 'index.js'))
} catch (err) {
  loadError = err
}

function send(msg) {
  if (process.connected) process.send(msg)
}

process.on('message', async (msg) => {
  if (msg?.type !== 'invoke') return
  const { id, event, env, context } = msg
  for (const k of perInvocationKeys) delete process.env[k]
  perInvocationKeys.clear()
  for (const [k, v] of Object.entries(env || {})) {
    process.env[k] = String(v)
    perInvocationKeys.add(k)
  }
  if (loadError || !mod || typeof mod.main !== 'function') {
    const e = loadError || new Error('function has no exports.main')
    send({ type: 'result', id, ok: false, error: { message: String(e.message || e), stack: String(e.stack || '') } })
    return
  }
  try {
    const result = await mod.main(event, context)
    let json
    try {
      json = result === undefined ? null : JSON.stringify(result)
    } catch (e) {
      throw new Error(`return value is not JSON-serialisable: ${e.message}`)
    }
    send({ type: 'result', id, ok: true, json })
  } catch (err) {
    console.error(err)
    send({
      type: 'result',
      id,
      ok: false,
      error: { message: String(err?.message || err), stack: String(err?.stack || '') },
    })
  }
})

process.on('unhandledRejection', (reason) => {
  console.error('[unhandledRejection]', reason)
})

send({ type: 'ready' })
