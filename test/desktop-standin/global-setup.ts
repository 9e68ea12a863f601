import { execFileSync } from 'node:child_process'
import { builtMainIsCurrent, repoRoot } from './launch'

/** The stand-in tests run the built main process: build once, before any test file, when the sources are newer. */
export default function buildWhenStale(): void {
  if (builtMainIsCurrent()) return
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore' })
}
