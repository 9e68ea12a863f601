import { useEffect, useRef, type RefObject } from 'react'
import { create } from 'zustand'
import { useStore } from '../../store/store'

/** A clip the timeline is asked to bring into view; `asked` counts, so asking again for the same clip scrolls again. */
const useRevealRequest = create<{ clipId: string | null; asked: number }>()(() => ({ clipId: null, asked: 0 }))

/** Selects a clip and scrolls the timeline to it: after an import, the new clips are what the user looks for. */
export function selectAndReveal(clipId: string): void {
  useStore.getState().selectClip(clipId)
  useRevealRequest.setState((request) => ({ clipId, asked: request.asked + 1 }))
}

/** The offset is from the track's padding: scrolled there, the clip sits at the left edge with the padding before it. */
function scrollTrackTo(track: HTMLElement, offset: number): void {
  track.scrollLeft = offset
}

/** Scrolls `track` to the asked clip once it is laid out (its offset known), once per request. */
export function useRevealClip(track: RefObject<HTMLElement | null>, clipIds: readonly string[], offsets: readonly number[]): void {
  const { clipId, asked } = useRevealRequest()
  const handled = useRef(asked)
  useEffect(() => {
    const element = track.current
    if (asked === handled.current || clipId === null || !element) return
    const index = clipIds.indexOf(clipId)
    if (index < 0) return
    handled.current = asked
    scrollTrackTo(element, offsets[index] ?? 0)
  }, [asked, clipId, clipIds, offsets, track])
}
