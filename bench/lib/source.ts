import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export type SourceState = { commit: string | null; uncommittedSourceFiles: string[] }

/**
 * Which code was measured: the commit, and any uncommitted files under src/ (others may be editing while a run
 * goes, and the browser part measures whatever build out/ holds).
 */
export function describeSource(): SourceState {
  const root = join(import.meta.dirname, '..', '..')
  const git = (args: string[]) => {
    try {
      // trimEnd, not trim: porcelain lines start with a status column that may be a space.
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd()
    } catch {
      return null
    }
  }
  const status = git(['status', '--porcelain', '--', 'src'])
  return {
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedSourceFiles: status === null || status === '' ? [] : status.split('\n').map((line) => line.slice(3)),
  }
}
