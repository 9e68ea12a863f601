import { current, Immer, isDraft } from 'immer'
import { applyMixEdit, mixEditTypes, type MixEditOp } from './mix-edits'
import { detachFromClip, moveClipElement, setClipReferenceImages } from './clip-elements'
import { captionAnchors, moveCaptionsWithShots } from './captions-follow-shots'
import { editCaptions } from './edits-captions'
import type { EditOp } from './edits-schema'
import type { Clip, ProjectDocument } from './project'
import { setTakeNote } from './edits-take-notes'
import { balanceShotDurations, fitShotsToDuration, moveBoundary, sumDurations, usesShotDurations } from './shot-durations'

export { createClip, createElement, createShot, totalDuration } from './create'
export { parsePromptSegments } from './element-tokens'

// Auto-freeze is off: the main process applies edits to a Project whose takes and assets other services
// still replace in place; deep-freezing those untouched parts would make them throw far from here.
const immer = new Immer({ autoFreeze: false })

/**
 * Applies one edit and returns the new document; untouched clips, shots and elements keep their identity
 * so selectors do not re-render them. An edit naming an unknown id, or changing nothing, returns `doc`
 * itself. The renderer and the main process both run this, so it must stay pure and deterministic.
 */
export function applyEdit(doc: ProjectDocument, op: EditOp): ProjectDocument {
  if (op.type === 'replaceDocument') return op.document
  if (isClipOp(op)) return applyToOneClip(doc, op)
  return immer.produce(doc, (draft) => {
    applyToDraft(draft, op)
  })
}

/**
 * An edit inside one clip drafts that clip alone and copies the list's references around it: drafting the whole
 * document made immer walk every clip of the list when finishing, per keystroke, at 3,000 clips.
 */
function applyToOneClip(doc: ProjectDocument, op: ClipOp): ProjectDocument {
  const at = indexById(doc.clips, op.clipId)
  const clip = doc.clips[at]
  if (!clip) return doc
  const edited = immer.produce(clip, (draft) => applyToClip(doc, draft, op))
  if (edited === clip) return doc
  const clips = doc.clips.slice()
  clips[at] = edited
  return { ...doc, clips }
}

function applyToDraft(doc: ProjectDocument, op: Exclude<EditOp, ClipOp | { type: 'replaceDocument' }>): void {
  if (isMixEdit(op)) return applyMixEdit(doc, op)
  switch (op.type) {
    case 'renameProject':
      doc.name = op.name
      return
    case 'setDefaults':
      assignDefined(doc.defaults, op.defaults)
      return
    case 'addClip':
      if (indexById(doc.clips, op.clip.id) !== -1) return
      doc.clips.splice(clampIndex(op.index ?? doc.clips.length, doc.clips.length), 0, op.clip)
      return
    case 'removeClip':
      removeById(doc.clips, op.clipId)
      return
    case 'moveClip':
      moveById(doc.clips, op.clipId, op.toIndex)
      return
    case 'addElement':
      if (indexById(doc.elements, op.element.id) === -1) doc.elements.push(op.element)
      return
    case 'updateElement': {
      const element = doc.elements[indexById(doc.elements, op.elementId)]
      if (element) assignDefined(element, op.patch)
      return
    }
    case 'removeElement': {
      removeById(doc.elements, op.elementId)
      for (const clip of doc.clips) detachFromClip(clip, op.elementId)
      return
    }
  }
}

const isMixEdit = (op: EditOp): op is MixEditOp => mixEditTypes.has(op.type)

const documentOpTypes = new Set(['replaceDocument', 'renameProject', 'setDefaults', 'addClip', 'removeClip', 'moveClip', 'addElement', 'updateElement', 'removeElement'] as const)
type DocumentOpType = typeof documentOpTypes extends Set<infer T> ? T : never
type ClipOp = Exclude<EditOp, MixEditOp | { type: DocumentOpType }>

const isClipOp = (op: EditOp): op is ClipOp => !isMixEdit(op) && !documentOpTypes.has(op.type as DocumentOpType)

/** `doc` is only read (which elements exist); everything an edit inside a clip changes is in the clip. */
function applyToClip(doc: ProjectDocument, clip: Clip, op: ClipOp): void {
  // A caption line belongs to the shot it starts in, and moves with it when the shots change.
  const anchors = captionAnchors(clip)
  applyClipOp(doc, clip, op)
  if (anchors) moveCaptionsWithShots(clip, anchors)
}

function applyClipOp(doc: ProjectDocument, clip: Clip, op: ClipOp): void {
  switch (op.type) {
    case 'updateClip':
      return updateClip(clip, op.patch)
    case 'addShot': {
      if (clip.shots.some((shot) => shot.id === op.shot.id)) return
      const at = clampIndex(op.index ?? clip.shots.length, clip.shots.length)
      clip.shots.splice(at, 0, { ...op.shot, duration: Math.max(1, op.shot.duration) })
      return rebalanceShots(clip, at)
    }
    case 'updateShot': {
      const at = clip.shots.findIndex((shot) => shot.id === op.shotId)
      const shot = clip.shots[at]
      if (!shot) return
      if (op.patch.prompt !== undefined) shot.prompt = op.patch.prompt
      if (op.patch.duration === undefined) return
      shot.duration = Math.max(1, op.patch.duration)
      return rebalanceShots(clip, at)
    }
    case 'removeShot': {
      const at = clip.shots.findIndex((shot) => shot.id === op.shotId)
      if (at === -1) return
      clip.shots.splice(at, 1)
      // The shot that now borders the gap is the one that grows if the clip fell under the minimum.
      return rebalanceShots(clip, Math.max(0, at - 1))
    }
    case 'moveShot':
      moveById(clip.shots, op.shotId, op.toIndex)
      return
    case 'moveShotBoundary': {
      const at = clip.shots.findIndex((shot) => shot.id === op.shotId)
      if (at === -1) return
      setShotDurations(clip, moveBoundary(clip.shots.map((s) => s.duration), at, op.delta))
      return
    }
    case 'setFrame':
      if (op.slot === 'first') clip.firstFrameAssetId = op.assetId
      else clip.lastFrameAssetId = op.assetId
      return
    case 'attachElement':
      if (indexById(doc.elements, op.elementId) !== -1 && !clip.elementIds.includes(op.elementId)) {
        clip.elementIds.push(op.elementId)
      }
      return
    case 'detachElement':
      return detachFromClip(clip, op.elementId)
    case 'moveClipElement':
      return moveClipElement(clip, op.elementId, op.toIndex)
    case 'setReferenceImages':
      return setClipReferenceImages(clip, op.assetIds)
    case 'setVideoReference':
      clip.videoReference = op.videoReference
      // With a video the clip's own sound must be off: the video's sound is kept or dropped instead.
      if (op.videoReference) clip.sound = 'off'
      return
    case 'chooseTake':
      clip.chosenTakeId = op.takeId
      return
    case 'setTakeNote':
      return setTakeNote(clip, op.takeId, op.patch)
    case 'addCaption':
    case 'updateCaption':
    case 'removeCaption':
    case 'setCaptions':
      return editCaptions(clip, op)
  }
}

function updateClip(clip: Clip, patch: Extract<EditOp, { type: 'updateClip' }>['patch']): void {
  assignDefined(clip, patch)
  if (clip.multiShot && clip.shots.length === 0) {
    // Turning multi-shot on starts from what the user already wrote: one shot carrying the whole clip.
    // Its id derives from the clip's so the renderer and the main process seed the same shot.
    clip.shots.push({ id: `${clip.id.slice(0, 58)}-shot1`, prompt: clip.prompt, duration: Math.max(1, clip.duration) })
    return
  }
  if (!usesShotDurations(clip) || clip.shots.length === 0) return
  if (patch.duration !== undefined) {
    const fitted = fitShotsToDuration(clip.shots.map((s) => s.duration), patch.duration)
    setShotDurations(clip, fitted.durations)
    clip.duration = fitted.total
  } else if (patch.multiShot !== undefined || patch.shotType !== undefined) {
    rebalanceShots(clip, clip.shots.length - 1)
  }
}

/** In a customize multi-shot clip the shots decide the clip's length; see `balanceShotDurations`. */
function rebalanceShots(clip: Clip, focus: number): void {
  if (!usesShotDurations(clip) || clip.shots.length === 0) return
  const durations = balanceShotDurations(clip.shots.map((s) => s.duration), focus)
  setShotDurations(clip, durations)
  clip.duration = sumDurations(durations)
}

function setShotDurations(clip: Clip, durations: readonly number[]): void {
  clip.shots.forEach((shot, i) => {
    shot.duration = durations[i] ?? shot.duration
  })
}

function assignDefined<T extends object>(target: T, patch: Partial<T>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(target, { [key]: value })
  }
}

function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(index)), length)
}

function moveById<T extends { id: string }>(items: T[], id: string, toIndex: number): void {
  const from = indexById(items, id)
  const to = clampIndex(toIndex, items.length - 1)
  if (from === -1 || from === to) return
  const [item] = items.splice(from, 1)
  items.splice(to, 0, item!)
}

function removeById<T extends { id: string }>(items: T[], id: string): void {
  const index = indexById(items, id)
  if (index !== -1) items.splice(index, 1)
}

/**
 * Where `id` is in a list, looked up in a plain copy when the list is a draft: reading each item of a draft list
 * makes a draft of it, and a storyboard of 3,000 clips made 1,500 of them per keystroke.
 */
function indexById(items: { id: string }[], id: string): number {
  return (isDraft(items) ? current(items) : items).findIndex((item) => item.id === id)
}
