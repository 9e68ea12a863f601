import { useEffect } from 'react'
import { subscribe } from '../ipc/client'
import { useStore } from '../store/store'
import { notifyTakeChange } from '../features/takes/list/take-notifications'

/** Main-process events flow into the store; components only ever read the store. */
export function useBridgeEvents(): void {
  useEffect(() => {
    const store = useStore.getState
    const onBrowserOnline = () => store().setOnline(navigator.onLine)
    window.addEventListener('online', onBrowserOnline)
    window.addEventListener('offline', onBrowserOnline)
    const unsubscribers = [
      subscribe('take:updated', ({ take }) => {
        const before = store().takes.find((t) => t.id === take.id)
        store().upsertTake(take)
        notifyTakeChange(before ?? null, take)
      }),
      subscribe('job:progress', (progress) => store().setProgress(progress)),
      subscribe('project:saveState', (saveState) => store().setSaveState(saveState)),
      subscribe('network:status', ({ online }) => store().setOnline(online)),
    ]
    return () => {
      window.removeEventListener('online', onBrowserOnline)
      window.removeEventListener('offline', onBrowserOnline)
      for (const unsubscribe of unsubscribers) unsubscribe()
    }
  }, [])
}
