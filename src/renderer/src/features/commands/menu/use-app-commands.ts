import { useEffect } from 'react'
import { invoke, subscribe } from '../../../ipc/client'
import { selectHasProject } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useQueueUi } from '../../queue/queue-store'
import { useHistoryAvailability } from '../../title-bar/use-history-availability'
import { runAppCommand } from './run-app-command'

/** Commands from the native menu and the OS run here; mounted once, before the state report below. */
export function useAppCommands(): void {
  useEffect(() => subscribe('app:command', runAppCommand), [])
}

/**
 * Tells main the window's state after each change: the native menu enables its items by it, and a reload after a
 * crash returns to the selected clip. The first report also says the window listens for commands.
 */
export function useWindowStateReport(): void {
  const projectOpen = useStore(selectHasProject)
  const hasClips = useStore((s) => (s.doc?.clips.length ?? 0) > 0)
  const selectedClipId = useStore((s) => (s.doc ? s.selectedClipId : null))
  const { canUndo, canRedo } = useHistoryAvailability()
  const queuePaused = useQueueUi((s) => s.state?.paused ?? false)
  useEffect(() => {
    // No toast when this fails: the menu keeps its last state, nothing the user asked for was lost.
    void invoke('app:windowState', { projectOpen, hasClips, canUndo, canRedo, queuePaused, selectedClipId })
  }, [projectOpen, hasClips, canUndo, canRedo, queuePaused, selectedClipId])
}
