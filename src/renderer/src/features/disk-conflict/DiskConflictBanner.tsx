import { FileWarning } from 'lucide-react'
import { useState } from 'react'
import { selectSaveState } from '../../store/selectors'
import { useStore } from '../../store/store'
import { keepMine, reloadFromDisk } from './conflict-actions'
import './disk-conflict.css'

/**
 * Shown while saving is stopped because another program changed project.json: the two ways out, side by side.
 * Neither loses a generated take; only "Reload" drops edits made here since the last save.
 */
export function DiskConflictBanner() {
  const { state, error } = useStore(selectSaveState)
  const [busy, setBusy] = useState<'reload' | 'keep' | null>(null)
  if (state !== 'error' || error?.code !== 'project_changed_on_disk') return null

  const run = (which: 'reload' | 'keep', action: () => Promise<void>) => {
    if (busy) return
    setBusy(which)
    void action().finally(() => setBusy(null))
  }
  return (
    <div className="disk-conflict" role="alert" aria-labelledby="disk-conflict-title">
      <FileWarning className="disk-conflict__icon" size={20} strokeWidth={1.75} aria-hidden />
      <div className="disk-conflict__text">
        <p id="disk-conflict-title" className="disk-conflict__title">Another program changed this project on disk. Saving is paused.</p>
        <p className="disk-conflict__detail">
          <strong>Reload from disk</strong> uses their version (edits made here since the last save are dropped; takes are kept).{' '}
          <strong>Keep mine</strong> saves this version and keeps theirs beside it as a dated copy.
        </p>
      </div>
      <div className="disk-conflict__actions">
        <button type="button" className="btn" aria-disabled={busy !== null} onClick={() => run('reload', reloadFromDisk)}>
          {busy === 'reload' ? 'Reloading…' : 'Reload from disk'}
        </button>
        <button type="button" className="btn btn--primary" aria-disabled={busy !== null} onClick={() => run('keep', keepMine)}>
          {busy === 'keep' ? 'Saving…' : 'Keep mine'}
        </button>
      </div>
    </div>
  )
}
