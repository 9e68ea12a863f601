import type { EditOp } from '../../../../../shared/domain/edits-schema'

/** Which prompt of a clip a text field edits. */
export type TextTarget = { field: 'prompt' | 'negativePrompt' } | { shotId: string }

export function textEditOp(clipId: string, target: TextTarget, text: string): EditOp {
  if ('shotId' in target) return { type: 'updateShot', clipId, shotId: target.shotId, patch: { prompt: text } }
  return { type: 'updateClip', clipId, patch: { [target.field]: text } }
}

export function targetKey(clipId: string, target: TextTarget): string {
  return 'shotId' in target ? `${clipId}:shot:${target.shotId}` : `${clipId}:${target.field}`
}
