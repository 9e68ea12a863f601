import type { Take } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'
import { checkAgain } from './take-actions'

function clipLabel(clipId: string): string {
  const index = useStore.getState().doc?.clips.findIndex((c) => c.id === clipId) ?? -1
  return index === -1 ? 'a clip' : `clip ${index + 1}`
}

/** Background outcomes become toasts only on the transition, never on a repeated update. */
export function notifyTakeChange(before: Take | null, after: Take): void {
  if (before?.status === after.status) return
  const store = useStore.getState()
  const show = { label: 'Show', run: () => store.selectClip(after.clipId) }
  if (after.status === 'completed') {
    store.pushToast({ tone: 'success', message: `A take of ${clipLabel(after.clipId)} is ready.`, action: show })
    return
  }
  if (after.status === 'stopped' && after.error) {
    store.pushToast({ tone: 'warning', message: after.error.message, hint: after.error.hint, action: { label: 'Check again', run: () => void checkAgain(after.id) } })
    return
  }
  if (after.status !== 'failed' || !after.error) return
  const downloadFailed = after.error.code === 'download_failed'
  store.pushToast({
    tone: 'danger',
    message: after.error.message,
    hint: after.error.hint,
    action: downloadFailed ? { label: 'Retry', run: () => void checkAgain(after.id) } : show,
  })
}
