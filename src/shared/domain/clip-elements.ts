import { remapElementTokens, remapTokens, tokenRemapForElementChange } from './element-tokens'
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

/** The same for the clip's reference images: each `<<<image_N>>>` keeps naming the same image (de-duplicated list). */
export function setClipReferenceImages(clip: Clip, nextIds: readonly string[]): void {
  const next = [...new Set(nextIds)]
  const remap = tokenRemapForElementChange(clip.referenceImageIds ?? [], next)
  clip.referenceImageIds = next
  clip.prompt = remapTokens(clip.prompt, 'image', remap)
  clip.negativePrompt = remapTokens(clip.negativePrompt, 'image', remap)
  for (const shot of clip.shots) shot.prompt = remapTokens(shot.prompt, 'image', remap)
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
