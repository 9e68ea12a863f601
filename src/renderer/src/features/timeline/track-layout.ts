/**
 * The timeline track's horizontal layout, computed from the storyboard instead of read from the DOM: a clip's
 * width follows its duration and whether it shows a poster, so the track can mount only the clips near the
 * visible area and stand empty gaps of the exact width in for the rest.
 */

export const SLOT_WIDTH = 88
/** The clip's border and padding on one side, and the gap between the pieces of its body (timeline.css). */
const CLIP_INSET_PX = 6
const BODY_GAP_PX = 4
/** The clip's border and padding plus the gaps around the shot track: shots get the rest. */
const CLIP_CHROME_PX = 2 * CLIP_INSET_PX + 2 * BODY_GAP_PX

export function clipWidth(duration: number, hasPoster: boolean, pxPerSecond: number): number {
  return SLOT_WIDTH * (hasPoster ? 3 : 2) + duration * pxPerSecond + CLIP_CHROME_PX + (hasPoster ? BODY_GAP_PX : 0)
}

/** Where the shot track starts inside a clip card: after its inset, the poster (when shown) and the first-frame slot. */
export function shotTrackLeft(hasPoster: boolean): number {
  return CLIP_INSET_PX + (hasPoster ? SLOT_WIDTH + BODY_GAP_PX : 0) + SLOT_WIDTH + BODY_GAP_PX
}

/** Left edge of each clip, measured from the first clip's left edge, with `gap` px between neighbours. */
export function clipOffsets(widths: readonly number[], gap: number): number[] {
  const offsets: number[] = []
  let x = 0
  for (const width of widths) {
    offsets.push(x)
    x += width + gap
  }
  return offsets
}

/** First and last clip that overlap [from, to] (track content coordinates), or null when none does. */
export function clipsInSpan(offsets: readonly number[], widths: readonly number[], from: number, to: number): [number, number] | null {
  const count = offsets.length
  if (count === 0) return null
  // The first clip whose right edge reaches `from`; offsets are increasing, so binary search.
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid]! + widths[mid]! < from) lo = mid + 1
    else hi = mid
  }
  const first = lo
  if (first >= count || offsets[first]! > to) return null
  let last = first
  while (last + 1 < count && offsets[last + 1]! <= to) last++
  return [first, last]
}

export type TrackItem = { kind: 'clip'; index: number } | { kind: 'gap'; key: string; width: number }

/**
 * What the track renders, left to right: the clips in `span` and the `pinned` ones (the selected clip, the one
 * being dragged, the one the film is playing), with one gap standing in for each run of clips left out. `span`
 * null renders every clip.
 */
export function trackItems(offsets: readonly number[], widths: readonly number[], span: [number, number] | null, pinned: readonly number[]): TrackItem[] {
  const count = offsets.length
  const shown = new Set<number>()
  if (span === null) for (let i = 0; i < count; i++) shown.add(i)
  else for (let i = span[0]; i <= span[1]; i++) shown.add(i)
  for (const index of pinned) if (index >= 0 && index < count) shown.add(index)
  const items: TrackItem[] = []
  let runStart = -1
  for (let i = 0; i <= count; i++) {
    const isShown = i === count || shown.has(i)
    if (!isShown) {
      if (runStart === -1) runStart = i
      continue
    }
    if (runStart !== -1) {
      const last = i - 1
      items.push({ kind: 'gap', key: `gap-${runStart}`, width: offsets[last]! + widths[last]! - offsets[runStart]! })
      runStart = -1
    }
    if (i < count) items.push({ kind: 'clip', index: i })
  }
  return items
}
