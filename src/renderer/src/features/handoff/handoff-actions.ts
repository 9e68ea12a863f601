import type { HandoffFormat, OtioMediaPaths } from '../../../../shared/interchange/handoff-format'
import type { ShotListProblem } from '../../../../shared/interchange/shot-list-import'
import { call, invoke } from '../../ipc/client'
import { useStore } from '../../store/store'
import { selectAndReveal } from '../timeline/reveal-clip'

/** Adds the clips a shot list holds after the timeline's own, as one edit, so one undo takes them all back. */
export async function importShotListFile(file: File): Promise<{ added: number; problems: ShotListProblem[] } | null> {
  return importShotListText(new TextDecoder().decode(await file.arrayBuffer()))
}

/** The same, for a shot list main read from the file chosen under File → Import Shot List…. */
export async function importShotListText(text: string): Promise<{ added: number; problems: ShotListProblem[] } | null> {
  const imported = await call('import:shotList', { text })
  if (!imported) return null
  const [first] = imported.clips
  if (first) {
    useStore.getState().edit(imported.clips.map((clip) => ({ type: 'addClip' as const, clip })))
    selectAndReveal(first.id)
  }
  return { added: imported.clips.length, problems: imported.problems }
}

/** Leaves the Result to the dialog, which shows a failure in place rather than as a toast. */
export const exportForEditor = (format: HandoffFormat, otioMediaPaths: OtioMediaPaths) =>
  invoke('export:handoff', format === 'otio' ? { format, otioMediaPaths } : { format })

export const showExportInFolder = (path: string) => call('export:showInFolder', { path })
