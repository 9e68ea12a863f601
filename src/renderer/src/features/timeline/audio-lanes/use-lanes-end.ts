import { itemFilmStart } from '../../../../../shared/audio/mix-plan'
import { useStore } from '../../../store/store'
import { clipSpansOf } from './lane-geometry'

/** The film time where the last lane item ends (0 without items): the track is kept at least this long so it can scroll there. */
export function useLanesEndSeconds(): number {
  return useStore((s) => {
    const lanes = s.doc?.mix?.lanes ?? []
    if (!s.doc || lanes.every((lane) => lane.items.length === 0)) return 0
    const spans = clipSpansOf(s.doc.clips)
    return Math.max(0, ...lanes.flatMap((lane) => lane.items.map((item) => itemFilmStart(item, spans) + item.durationSeconds)))
  })
}
