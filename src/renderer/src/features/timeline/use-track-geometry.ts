import { useMemo } from 'react'
import { usesShotDurations } from '../../../../shared/domain/shot-durations'
import { selectPosterTakeId } from '../../store/selectors'
import { useStore } from '../../store/store'
import type { Store } from '../../store/types'
import { trackGeometry, type ClipShape, type TrackGeometry } from './track-geometry'

const shapesOf = (s: Store): ClipShape[] =>
  (s.doc?.clips ?? []).map((clip) => ({
    id: clip.id,
    duration: clip.duration,
    hasPoster: selectPosterTakeId(clip.id)(s) !== null,
    shotSeconds: usesShotDurations(clip) ? clip.shots.map((shot) => shot.duration) : [],
  }))

/**
 * The track's geometry at this zoom. The store is read as one string of what the layout depends on, so typing in a
 * prompt (which changes clips but not their places) builds nothing new.
 */
export function useTrackGeometry(pxPerSecond: number): TrackGeometry {
  const key = useStore((s) => JSON.stringify(shapesOf(s)))
  return useMemo(() => trackGeometry(JSON.parse(key) as ClipShape[], pxPerSecond), [key, pxPerSecond])
}
