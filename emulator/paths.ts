import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The repository root (the folder whose package.json is this project's), from sources or a bundle. */
export function findRepoRoot(from: string): string {
  let dir = from
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'xiaoge-home') return dir
      } catch {
        // keep walking up
      }
    }
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return process.cwd()
}
