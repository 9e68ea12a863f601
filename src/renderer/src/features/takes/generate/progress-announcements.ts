import { isQueuedTake, type Take } from '../../../../../shared/domain/project'
import { takeStatusWord, takeWords } from '../../../../../shared/domain/take-state'
import { takesOf } from '../../../store/indexes'
import { isRunning } from '../list/take-status'

/** A take's stage as a listener follows it, in the take list's words: queued, generating, or how it ended. */
function stageWord(take: Take): string {
  if (isQueuedTake(take)) return takeWords.queued.word
  // Uploading, waiting at MuleRouter, rendering and downloading are one stage to a listener: it is being made.
  if (isRunning(take.status)) return takeStatusWord('processing')
  return takeStatusWord(take.status)
}

/**
 * What a screen reader should hear after the project's takes changed from `before` to `after`: one line per take
 * whose stage changed ("Clip 2, take 1: Generating"). A take that first appears already finished (a project being
 * opened) is old news and says nothing.
 */
export function progressAnnouncements(before: readonly Take[], after: readonly Take[], clipIds: readonly string[]): string[] {
  const earlier = new Map(before.map((take) => [take.id, stageWord(take)]))
  const lines: string[] = []
  for (const take of after) {
    const stage = stageWord(take)
    const was = earlier.get(take.id)
    if (stage === was || (was === undefined && !isRunning(take.status))) continue
    const takeNumber = takesOf(after, take.clipId).indexOf(take) + 1
    lines.push(`Clip ${clipIds.indexOf(take.clipId) + 1}, take ${takeNumber}: ${stage}`)
  }
  return lines
}
