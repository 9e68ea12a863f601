import { openProjectSession } from '../src/main/services/project'
import { validateClip } from '../src/shared/domain/validate-clip'
import type { Storyboard } from './fixtures/storyboard-project'
import { collectGarbage } from './lib/gc'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, round } from './lib/stats'

const ROUNDS = 9

/** Opening the 300-clip, 1,000-image project in the main process as the app does, then validating every clip. */
export async function benchOpen(storyboard: Storyboard, log: (line: string) => void): Promise<Figure> {
  log(`open: ${ROUNDS} rounds of openProjectSession + validateClip × ${storyboard.project.clips.length}…`)
  const runs: { total: number; open: number; validate: number; errors: number; warnings: number }[] = []
  for (let i = 0; i < ROUNDS + 1; i++) {
    collectGarbage()
    const start = performance.now()
    const session = await openProjectSession(storyboard.dir)
    const opened = performance.now()
    const project = session.project()
    const issues = project.clips.flatMap((clip) => validateClip(clip, project))
    const end = performance.now()
    await session.forceClose()
    const errors = issues.filter((issue) => issue.severity === 'error').length
    runs.push({ total: end - start, open: opened - start, validate: end - opened, errors, warnings: issues.length - errors })
  }
  const [first, ...timed] = runs
  if (first!.errors > 0) throw new Error(`the storyboard has ${first!.errors} validation errors; it should be sendable`)
  const project = storyboard.project
  return figure(
    {
      id: 'open.main',
      area: 'open',
      goal: goalOf('open.main'),
      measured: round(median(timed.map((r) => r.total)), 1),
      unit: 'ms',
      method:
        'median over rounds of openProjectSession (lock, read, JSON parse, migrate, zod validation, folder checks) plus validateClip for every ' +
        'clip, on a generated project; the first round is reported apart as the cold figure',
      details: {
        clips: project.clips.length,
        images: project.assets.length,
        elements: project.elements.length,
        projectJsonBytes: Buffer.byteLength(JSON.stringify(project, null, 2)),
        rounds: timed.length,
        coldMs: round(first!.total, 1),
        openMedianMs: round(median(timed.map((r) => r.open)), 1),
        validateAllClipsMedianMs: round(median(timed.map((r) => r.validate)), 1),
        validationErrors: first!.errors,
        validationWarnings: first!.warnings,
      },
    },
    { max: 300 },
  )
}
