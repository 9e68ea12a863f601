import { useRef } from 'react'
import type { Clip } from '../../../../shared/domain/project'
import { selectPosterTakeId } from '../../store/selectors'
import { useStore } from '../../store/store'
import type { Store } from '../../store/types'
import { useSameItems } from '../../store/use-same-items'
import { clipWidth } from './track-layout'

const NO_CLIPS: readonly Clip[] = []
type Measured = { clips: readonly Clip[]; takes: Store['takes']; pxPerSecond: number; widths: number[] }

/**
 * Every clip's width on the track at this zoom; a new array only when one of them changes. Measured again only
 * when the clips, the takes or the zoom change: the store changes for other reasons too (twice per keystroke).
 */
export function useClipWidths(pxPerSecond: number): readonly number[] {
  const last = useRef<Measured | null>(null)
  return useStore(
    useSameItems((s) => {
      const clips = s.doc?.clips ?? NO_CLIPS
      const known = last.current
      if (known?.clips === clips && known.takes === s.takes && known.pxPerSecond === pxPerSecond) return known.widths
      const widths = clips.map((clip) => clipWidth(clip.duration, selectPosterTakeId(clip.id)(s) !== null, pxPerSecond))
      last.current = { clips, takes: s.takes, pxPerSecond, widths }
      return widths
    }),
  )
}
