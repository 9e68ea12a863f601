import { useEffect } from 'react'
import { invoke, subscribe } from '../../ipc/client'
import { selectProjectPath } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useQueueUi } from './queue-store'

/** Asks main where the queue stands. Quietly: without an answer no queue words show, and the next event brings one. */
export async function refreshQueueState(): Promise<void> {
  const result = await invoke('queue:state', {})
  if (result.ok) useQueueUi.getState().setState(result.value)
}

/** Keeps the queue's state (paused, waiting for connection) current: read once per project, then from events. */
export function useQueueState(): void {
  const path = useStore(selectProjectPath)
  useEffect(() => subscribe('queue:state', (state) => useQueueUi.getState().setState(state)), [])
  useEffect(() => {
    useQueueUi.getState().setState(null)
    if (path !== null) void refreshQueueState()
  }, [path])
}
