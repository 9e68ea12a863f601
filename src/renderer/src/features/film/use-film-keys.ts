import { useEffect } from 'react'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { clipBoundary, stepFrames } from '../../../../shared/cut/cut-time'
import { closeFilmPlayer, seekFilm, setFilmPlaying, toggleFilmPlaying, useFilmStore } from './film-store'

/**
 * Player keys, ahead of the editor's shortcuts (capture phase) so Space and the arrows drive the film rather than
 * the timeline while it plays: Space play/pause, K pause, J/L previous/next clip, ←/→ one frame (Shift: one second),
 * Esc leaves.
 */
export function useFilmKeys(plan: CutPlan | null): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (useFilmStore.getState().exportOpen || event.ctrlKey || event.metaKey || event.altKey) return
      const handled = handle(event, plan)
      if (!handled) return
      event.preventDefault()
      event.stopPropagation()
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [plan])
}

function handle(event: KeyboardEvent, plan: CutPlan | null): boolean {
  if (event.key === 'Escape') return (closeFilmPlayer(), true)
  if (!plan) return false
  const time = useFilmStore.getState().time
  const pauseAndSeek = (seconds: number): true => {
    setFilmPlaying(false)
    seekFilm(seconds)
    return true
  }
  switch (event.key.toLowerCase()) {
    case ' ':
      return (toggleFilmPlaying(), true)
    case 'k':
      return (setFilmPlaying(false), true)
    case 'j':
      return (seekFilm(clipBoundary(plan, time, -1)), true)
    case 'l':
      return (seekFilm(clipBoundary(plan, time, 1)), true)
    case 'arrowleft':
      return event.shiftKey ? pauseAndSeek(time - 1) : pauseAndSeek(stepFrames(plan, time, -1))
    case 'arrowright':
      return event.shiftKey ? pauseAndSeek(time + 1) : pauseAndSeek(stepFrames(plan, time, 1))
    default:
      return false
  }
}
