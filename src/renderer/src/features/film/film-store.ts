import { create } from 'zustand'
import type { CutPlan } from '../../../../shared/cut/cut-plan'
import { clampTime } from '../../../../shared/cut/cut-time'
import type { AppError } from '../../../../shared/errors'
import { invoke } from '../../ipc/client'

/**
 * The film player's own state, apart from the project store: playing the cut never edits the document, so it
 * stays out of undo and out of the slices other features share.
 */
export interface FilmState {
  open: boolean
  plan: CutPlan | null
  error: AppError | null
  /** Film time of the playhead, in seconds. */
  time: number
  playing: boolean
  /** Increases on every jump the user asks for, so the player seeks its video only then, not on every tick. */
  seekId: number
  exportOpen: boolean
}

export const useFilmStore = create<FilmState>(() => ({ open: false, plan: null, error: null, time: 0, playing: false, seekId: 0, exportOpen: false }))

export async function openFilmPlayer(): Promise<void> {
  useFilmStore.setState({ open: true, plan: null, error: null, time: 0, playing: false })
  const result = await invoke('film:plan', {})
  if (!useFilmStore.getState().open) return
  if (result.ok) useFilmStore.setState({ plan: result.value, playing: result.value.entries.length > 0 })
  else useFilmStore.setState({ error: result.error })
}

export const closeFilmPlayer = (): void => useFilmStore.setState({ open: false, playing: false })

/** A jump the user asked for: the playhead moves and the player seeks. */
export function seekFilm(seconds: number): void {
  const { plan, seekId } = useFilmStore.getState()
  if (!plan) return
  useFilmStore.setState({ time: clampTime(plan, seconds), seekId: seekId + 1 })
}

/** The playhead following playback. */
export const advanceFilm = (seconds: number): void => useFilmStore.setState({ time: seconds })

export function setFilmPlaying(playing: boolean): void {
  const { plan, time } = useFilmStore.getState()
  if (!plan) return
  // Play at the very end starts the film again, as every player does.
  if (playing && time >= plan.durationSeconds - 1e-3) seekFilm(0)
  useFilmStore.setState({ playing })
}

export const toggleFilmPlaying = (): void => setFilmPlaying(!useFilmStore.getState().playing)

export const openExportDialog = (): void => useFilmStore.setState({ exportOpen: true })
export const closeExportDialog = (): void => useFilmStore.setState({ exportOpen: false })
