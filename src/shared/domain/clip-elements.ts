import { remapElementTokens, tokenRemapForElementChange } from './element-tokens'
import type { Clip } from './project'

/**
 * Changes a clip's element list and rewrites every `<<<element_N>>>` in its prompts so each token still
 * names the same element; tokens of elements that left the list go with them. Mutates `clip` (an immer draft).
 */
export function setClipElements(clip: Clip, nextIds: readonly string[]): void {
  const remap = tokenRemapForElementChange(clip.elementIds, nextIds)
  clip.elementIds = [...nextIds]
  clip.prompt = remapElementTokens(clip.prompt, remap)
  // The negative prompt is rewritten too: a token there names an element just as much as in the prompt.
  clip.negativePrompt = remapElementTokens(clip.negativePrompt, remap)
  for (const shot of clip.shots) shot.prompt = remapElementTokens(shot.prompt, remap)
}

export function detachFromClip(clip: Clip, elementId: string): void {
  if (!clip.elementIds.includes(elementId)) return
  setClipElements(
    clip,
    clip.elementIds.filter((id) => id !== elementId),
  )
}

export function moveClipElement(clip: Clip, elementId: string, toIndex: number): void {
  const from = clip.elementIds.indexOf(elementId)
  if (from === -1) return
  const next = clip.elementIds.filter((id) => id !== elementId)
  next.splice(Math.min(Math.max(0, toIndex), next.length), 0, elementId)
  if (next.every((id, i) => id === clip.elementIds[i])) return
  setClipElements(clip, next)
}
