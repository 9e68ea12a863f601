import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { outDir } from '../../test/e2e/harness'

/** The harness shows the production build in out/; build it first when it is missing (or when asked to). */
export function ensureRendererBuild(log: (line: string) => void, force: boolean): { builtAt: string } {
  const index = join(outDir, 'renderer', 'index.html')
  const preload = join(outDir, 'preload', 'index.cjs')
  if (force || !existsSync(index) || !existsSync(preload)) {
    log(force ? 'browser: rebuilding the renderer (npm run build)…' : 'browser: no renderer build in out/, running npm run build…')
    const result = spawnSync('npm', ['run', 'build'], { cwd: join(outDir, '..'), stdio: ['ignore', 'ignore', 'inherit'] })
    if (result.status !== 0 || !existsSync(index)) throw new Error('npm run build failed; the browser benchmarks need out/renderer')
  }
  return { builtAt: statSync(index).mtime.toISOString() }
}
