/** The H5 build at `/` (any unknown path falls back to index.html, for the hash router), or a placeholder. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import type { CloudParts } from './parts'
import { CONTENT_TYPES, sendText } from './util'

export function serveStatic(parts: CloudParts, req: IncomingMessage, res: ServerResponse, path: string): void {
  const h5Dir = parts.h5Dir
  if (!existsSync(join(h5Dir, 'index.html'))) {
    const name = (parts.app.name ?? '本地云').replace(/[&<>"']/g, '')
    const dir = h5Dir.replace(/[&<>"']/g, '')
    sendText(
      res,
      200,
      `<!doctype html><meta charset="utf-8"><title>${name} 本地云</title><body style="font:16px/1.6 sans-serif;padding:24px"><h1>本地云已启动</h1><p>还没有 H5 构建（${dir}）。构建后刷新，或打开 <a href="/__dev/">开发者页面</a>。</p>`,
      'text/html; charset=utf-8',
    )
    return
  }
  let rel: string
  try {
    rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '')
  } catch {
    sendText(res, 400, 'bad path')
    return
  }
  let file = join(h5Dir, rel)
  if (!file.startsWith(h5Dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(h5Dir, 'index.html')
  const body = readFileSync(file)
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}
