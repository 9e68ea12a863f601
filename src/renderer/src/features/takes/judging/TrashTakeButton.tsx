import { Trash2 } from 'lucide-react'
import { useState } from 'react'
import type { Take } from '../../../../../shared/domain/project'
import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'

/** Deleting a take asks first: its video goes to the system trash and Omniboard forgets the take. */
export function TrashTakeButton({ take, number, chosen }: { take: Take; number: number; chosen: boolean }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  async function trash(): Promise<void> {
    setBusy(true)
    const done = await call('takes:trash', { takeId: take.id })
    setBusy(false)
    setConfirming(false)
    if (done) useStore.setState((s) => ({ takes: s.takes.filter((candidate) => candidate.id !== take.id) }))
  }
  return (
    <>
      <button
        type="button"
        className="btn btn--ghost btn--icon btn--small"
        aria-label={`Delete take ${number}`}
        title={chosen ? 'This is the chosen take: choose another one before deleting it.' : 'Move this take\u2019s video to the trash'}
        disabled={chosen}
        onClick={() => setConfirming(true)}
      >
        <Trash2 size={13} strokeWidth={1.75} aria-hidden />
      </button>
      {confirming && (
        <Dialog
          title={`Delete take ${number}?`}
          width={420}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>Keep it</button>
              <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void trash()}>Move to trash</button>
            </>
          }
        >
          <p className="take-trash__text">Its video moves to the system trash, where you can still restore the file; the take leaves this project’s list.</p>
        </Dialog>
      )}
    </>
  )
}
