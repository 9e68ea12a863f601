import { totalDuration } from '../../../shared/domain/create'
import type { Asset, Clip, Take } from '../../../shared/domain/project'

/**
 * Lookups by id, built once per list and shared by every subscriber. Each timeline clip subscribes with a few
 * selectors and zustand runs all of them on every change, so a selector that scanned the list would make a
 * keystroke cost clips × clips; with these it costs one index per changed list (immer gives an unchanged list the same
 * reference, so it is not rebuilt) and a map lookup per selector.
 */
function cachedIndex<T extends object, I>(build: (list: T) => I): (list: T) => I {
  const cache = new WeakMap<T, I>()
  return (list) => {
    let index = cache.get(list)
    if (index === undefined) {
      index = build(list)
      cache.set(list, index)
    }
    return index
  }
}

let lastClipIds: string[] = []
/**
 * The clip ids in order: the same array while no clip is added, removed or moved, so an edit inside a clip
 * re-renders nothing that lists them (compared here once, not by every subscriber).
 */
export const clipIdsOf = cachedIndex((clips: readonly Clip[]): string[] => {
  const same = clips.length === lastClipIds.length && clips.every((clip, at) => clip.id === lastClipIds[at])
  if (!same) lastClipIds = clips.map((clip) => clip.id)
  return lastClipIds
})

// Keyed by the id order, not the clip list: typing makes a new list per keystroke but keeps the order, and
// building a 3,000-entry Map per keystroke was most of what a keystroke cost more at 3,000 clips than at 3.
const positionsOfIds = cachedIndex((ids: readonly string[]) => new Map(ids.map((id, at) => [id, at])))

/** Position of each clip in the storyboard. */
export const clipPositions = (clips: readonly Clip[]): ReadonlyMap<string, number> => positionsOfIds(clipIdsOf(clips))

/** The storyboard's length in seconds, summed once per clip list however many times the header asks. */
export const totalSecondsOf = cachedIndex((clips: Clip[]) => totalDuration({ clips }))

export const assetsById = cachedIndex((assets: readonly Asset[]) => new Map(assets.map((asset) => [asset.id, asset])))

const NO_TAKES: readonly Take[] = []

/** A clip's takes, oldest first, as they are in the project. */
export const takesByClip = cachedIndex((takes: readonly Take[]) => {
  const byClip = new Map<string, Take[]>()
  for (const take of takes) {
    const list = byClip.get(take.clipId)
    if (list) list.push(take)
    else byClip.set(take.clipId, [take])
  }
  return byClip
})

export function takesOf(takes: readonly Take[], clipId: string | null): readonly Take[] {
  return (clipId === null ? undefined : takesByClip(takes).get(clipId)) ?? NO_TAKES
}
