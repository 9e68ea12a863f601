import { Check, CloudAlert, LoaderCircle } from 'lucide-react'
import { selectSaveState } from '../../store/selectors'
import { useStore } from '../../store/store'

export function SaveStateBadge() {
  const { state, error, savedAt } = useStore(selectSaveState)
  if (state === 'saving') {
    return (
      <span className="title-bar__status" role="status">
        <LoaderCircle className="spin" size={14} strokeWidth={1.75} aria-hidden /> Saving…
      </span>
    )
  }
  if (state === 'error') {
    return (
      <span className="title-bar__status title-bar__status--danger" role="status" title={error ? `${error.message} ${error.hint}` : undefined}>
        <CloudAlert size={14} strokeWidth={1.75} aria-hidden />{' '}
        {error?.code === 'project_changed_on_disk' ? 'Not saved — changed on disk' : `Not saved${error ? ` — ${error.message}` : ''}`}
      </span>
    )
  }
  return (
    <span className="title-bar__status" role="status" title={savedAt ? `Saved at ${new Date(savedAt).toLocaleTimeString()}` : 'All changes saved'}>
      <Check size={14} strokeWidth={1.75} aria-hidden /> Saved
    </span>
  )
}
