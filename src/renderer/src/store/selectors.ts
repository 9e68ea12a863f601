import { isInSelection, selectedIdsIn } from './clip-selection'
import { assetsById, clipIdsOf, clipPositions, takesOf, totalSecondsOf } from './indexes'
import type { Clip } from '../../../shared/domain/project'
import type { Store } from './types'

/**
 * Every selector components use, in one place. Object-returning ones are used through `useShallow`, lists as long
 * as the storyboard through `useSameItems` (zustand's shallow builds two Maps per comparison of arrays).
 */
export const selectHasProject = (s: Store) => s.doc !== null
export const selectProjectName = (s: Store) => s.doc?.name ?? ''
export const selectDefaults = (s: Store) => s.doc?.defaults ?? null
const NO_IDS: string[] = []
/** The same array until a clip is added, removed or moved: use it without `useShallow`. */
export const selectClipIds = (s: Store): string[] => (s.doc ? clipIdsOf(s.doc.clips) : NO_IDS)
/** A storyboard that has not started yet: one clip and no images. */
export const selectShowTimelineHint = (s: Store) => (s.doc?.clips.length ?? 0) <= 1 && s.assets.length === 0
export const selectClipCount = (s: Store) => s.doc?.clips.length ?? 0
export const selectClipById = (clipId: string | null) => (s: Store) => {
  const at = clipId === null || !s.doc ? undefined : clipPositions(s.doc.clips).get(clipId)
  return at === undefined ? null : s.doc!.clips[at]!
}
export const selectClipHeading = (clipId: string) => (s: Store) => {
  const clip = selectClipById(clipId)(s)
  return { title: clip?.title ?? '', duration: clip?.duration ?? 0 }
}
export const selectClipFrames = (clipId: string) => (s: Store) => {
  const clip = selectClipById(clipId)(s)
  return { first: clip?.firstFrameAssetId ?? null, last: clip?.lastFrameAssetId ?? null }
}
export const selectClipIndex = (clipId: string) => (s: Store) => (s.doc ? (clipPositions(s.doc.clips).get(clipId) ?? -1) : -1)
export const selectSelectedClip = (s: Store) => selectClipById(s.selectedClipId)(s)
export const selectSelectedClipIdIfExists = (s: Store) => selectSelectedClip(s)?.id ?? null
export const selectSelectedClipElementIds = (s: Store) => selectSelectedClip(s)?.elementIds ?? []
export const selectIsClipSelected = (clipId: string) => (s: Store) => s.selectedClipId === clipId
/** Selected besides or as the primary clip: a boolean per clip, so a clip re-renders only when its own flag flips. */
export const selectIsClipInSelection = (clipId: string) => (s: Store) => isInSelection(s, clipId)
/** The selected clips in timeline order (use through `useSameItems`). */
export const selectSelectedClipIds = (s: Store): string[] => (s.doc ? selectedIdsIn(s, clipPositions(s.doc.clips)) : [])
export const selectSelectionCount = (s: Store) => selectSelectedClipIds(s).length
export const selectIsShotSelected = (shotId: string) => (s: Store) => s.selectedShotId === shotId
export const selectTotalDuration = (s: Store) => (s.doc ? totalSecondsOf(s.doc.clips) : 0)
export const selectChosenTakeId = (clipId: string) => (s: Store) => selectClipById(clipId)(s)?.chosenTakeId ?? null

export const selectElements = (s: Store) => s.doc?.elements ?? []

export const selectAssets = (s: Store) => s.assets
/** Assets a slot may use: not those kept only so they can be cropped. Cached per list, so it is a stable selector. */
let usableCache: { from: Store['assets']; usable: Store['assets'] } | null = null
export const selectUsableAssets = (s: Store) => {
  if (usableCache?.from !== s.assets) usableCache = { from: s.assets, usable: s.assets.filter((a) => a.usable !== false) }
  return usableCache.usable
}
export const selectAssetById = (assetId: string | null) => (s: Store) =>
  assetId === null ? null : (assetsById(s.assets).get(assetId) ?? null)
export const selectTakes = (s: Store) => s.takes
export const selectTakesOfClip = (clipId: string | null) => (s: Store) => takesOf(s.takes, clipId).toReversed()
export const selectTakeProgress = (takeId: string) => (s: Store) => s.progress[takeId] ?? null
export const selectClipTakes = (clipId: string) => (s: Store) => takesOf(s.takes, clipId)
export const selectTakeCountOfClip = (clipId: string) => (s: Store) => takesOf(s.takes, clipId).length

export const selectProjectPath = (s: Store) => s.path
export const selectSaveState = (s: Store) => s.saveState
export const selectOnline = (s: Store) => s.online
export const selectSettings = (s: Store) => s.settings
export const selectPrices = (s: Store) => s.settings?.prices ?? null
export const selectDialog = (s: Store) => s.dialog
export const selectDialogReason = (s: Store) => s.dialogReason
export const selectToasts = (s: Store) => s.toasts

// Per clip object, until the takes change: every clip's width asks for its poster on each store change.
const posters = new WeakMap<Clip, { takes: Store['takes']; takeId: string | null }>()

/** The take a clip's timeline poster shows: the chosen one when finished, else the newest finished take. */
export const selectPosterTakeId = (clipId: string) => (s: Store) => {
  const clip = selectClipById(clipId)(s)
  if (!clip) return null
  const known = posters.get(clip)
  if (known?.takes === s.takes) return known.takeId
  const finished = takesOf(s.takes, clipId).filter((t) => t.status === 'completed')
  const takeId = (finished.find((t) => t.id === clip.chosenTakeId) ?? finished.at(-1))?.id ?? null
  posters.set(clip, { takes: s.takes, takeId })
  return takeId
}
