import { readdir } from 'node:fs/promises'
import { defaultSessionDeps, loadProject, openProjectSession } from '../src/main/services/project'
import { TEMP_FILE_PATTERN } from '../src/main/services/disk/atomic-write'
import type { Storyboard } from './fixtures/storyboard-project'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { median, percentile, round } from './lib/stats'

const SAVES = 25

/**
 * One field edited, then saved: the same queue and atomic write the autosave timer runs (serialize, check it
 * reads back, compare with the disk, write temp + fsync + rename + fsync the folder, keep a backup).
 */
export async function benchSave(storyboard: Storyboard, log: (line: string) => void, id = 'save.median'): Promise<Figure> {
  const clips = storyboard.project.clips.length
  log(`save: ${SAVES} one-field edits on the ${clips}-clip project, each saved with saveNow…`)
  // A long autosave delay keeps the timer out of the way; saveNow runs exactly what the timer would.
  const session = await openProjectSession(storyboard.dir, { ...defaultSessionDeps, autosaveDelayMs: 600_000 })
  const times: number[] = []
  let bytes = 0
  try {
    const at = Math.floor(clips / 2)
    const clipId = session.project().clips[at]!.id
    for (let i = 0; i < SAVES + 1; i++) {
      session.applyEdits([{ type: 'updateClip', clipId, patch: { title: `Take ${i}` } }])
      const start = performance.now()
      await session.saveNow()
      times.push(performance.now() - start)
    }
    const reopened = await loadProject(storyboard.dir)
    bytes = reopened.bytes.byteLength
    if (reopened.project.clips[at]?.title !== `Take ${SAVES}`) throw new Error('the last save did not reach the disk')
  } finally {
    await session.close()
  }
  const leftovers = (await readdir(storyboard.dir)).filter((name) => TEMP_FILE_PATTERN.test(name))
  const timed = times.slice(1)
  return figure(
    {
      id,
      area: 'save',
      goal: goalOf(id),
      measured: round(median(timed), 1),
      unit: 'ms',
      method: `median of FileProjectSession.saveNow after one updateClip edit (title) of the middle clip, on the ${clips}-clip project; the first save is dropped as warm-up`,
      details: {
        saves: timed.length,
        projectJsonBytes: bytes,
        p90Ms: round(percentile(timed, 90), 1),
        maxMs: round(Math.max(...timed), 1),
        firstSaveMs: round(times[0]!, 1),
        tempFilesLeft: leftovers.length,
        reloadsAfterSave: true,
      },
    },
    { max: 30 },
  )
}
