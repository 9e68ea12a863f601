import { captionsFromDialogue } from '../../../../../shared/captions/script-captions'
import { nextCaptionSpan } from '../../../../../shared/captions/caption-timing'
import type { CaptionPatch } from '../../../../../shared/domain/caption-line'
import { newId } from '../../../../../shared/domain/ids'
import type { Clip } from '../../../../../shared/domain/project'
import { editCoalesced } from '../../../store/history'
import { useStore } from '../../../store/store'

export function addCaptionLine(clip: Clip): string {
  const id = newId()
  useStore.getState().edit({ type: 'addCaption', clipId: clip.id, caption: { id, text: '', ...nextCaptionSpan(clip.captions ?? [], clip.duration) } })
  return id
}

/** Typing in a line's text or speaker folds into one undo step per burst, as in the prompt. */
export function changeCaption(clipId: string, captionId: string, patch: CaptionPatch): void {
  const field = Object.keys(patch).join(',')
  editCoalesced({ type: 'updateCaption', clipId, captionId, patch }, `${clipId}:caption:${captionId}:${field}`)
}

export const removeCaption = (clipId: string, captionId: string): void => useStore.getState().edit({ type: 'removeCaption', clipId, captionId })

/** The clip's screenplay dialogue as its caption lines, replacing any it had: one undo step. */
export function captionsFromScript(clip: Clip): void {
  const dialogue = clip.script?.dialogue ?? []
  useStore.getState().edit({ type: 'setCaptions', clipId: clip.id, captions: captionsFromDialogue(dialogue, clip.duration, () => newId()) })
}
