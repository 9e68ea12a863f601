import { selectPosterTakeId } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useSameItems } from '../../store/use-same-items'
import { clipWidth } from './track-layout'

/** Every clip's width on the track at this zoom; a new array only when one of them changes. */
export function useClipWidths(pxPerSecond: number): readonly number[] {
  return useStore(
    useSameItems((s) => (s.doc?.clips ?? []).map((clip) => clipWidth(clip.duration, selectPosterTakeId(clip.id)(s) !== null, pxPerSecond))),
  )
}
