import { entryIndexAt } from '../../../../../shared/cut/cut-time'
import { useFilmStore } from '../../film/film-store'
import { TRACK_PADDING_PX, xInClip, type TrackGeometry } from '../track-geometry'
import { LANE_LABEL_PX } from './lane-geometry'

/** Where Play film is, on the lanes: the same point of the same clip card as the playhead on the clip track. */
export function LanePlayhead({ geometry }: { geometry: TrackGeometry }) {
  const x = useFilmStore((s) => {
    if (!s.open || !s.plan) return null
    const entry = s.plan.entries[entryIndexAt(s.plan, s.time)]
    if (!entry) return null
    const index = geometry.clips.findIndex((clip) => clip.clipId === entry.clipId)
    return xInClip(geometry, index, entry.durationSeconds > 0 ? (s.time - entry.startSeconds) / entry.durationSeconds : 0)
  })
  return x === null ? null : <div className="audio-lanes__playhead" style={{ left: LANE_LABEL_PX + TRACK_PADDING_PX + x }} aria-hidden="true" />
}
