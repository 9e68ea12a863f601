import { FolderOpen } from 'lucide-react'
import { useState } from 'react'
import { handoffFormats, handoffLabels, type HandoffFormat } from '../../../../shared/interchange/handoff-format'
import type { AppError } from '../../../../shared/errors'
import { Dialog } from '../../ui/Dialog'
import { exportForEditor, showExportInFolder } from './handoff-actions'

type Outcome = { path: string; warnings: string[]; captionsPath?: string | undefined } | { error: AppError } | null

/** Writes one hand-off file into the project's exports folder and offers to show it. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<HandoffFormat>('otio')
  const [relativePaths, setRelativePaths] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  const run = async () => {
    setBusy(true)
    const result = await exportForEditor(format, relativePaths ? 'relative' : 'absolute')
    setBusy(false)
    setOutcome(result.ok ? result.value : { error: result.error })
  }

  const written = outcome && 'path' in outcome ? outcome : null
  const footer = (
    <>
      {written && (
        <button type="button" className="btn" onClick={() => void showExportInFolder(written.path)}>
          <FolderOpen size={16} strokeWidth={1.75} aria-hidden /> Show in folder
        </button>
      )}
      <button type="button" className="btn btn--primary" aria-disabled={busy} onClick={() => !busy && void run()}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
    </>
  )
  return (
    <Dialog title="Export for editor" onClose={onClose} footer={footer} width={520}>
      <fieldset className="handoff__formats">
        <legend className="caps-label">Format</legend>
        {handoffFormats.map((candidate) => (
          <label key={candidate} className="handoff__format">
            <input type="radio" name="handoff-format" value={candidate} checked={format === candidate} onChange={() => (setFormat(candidate), setOutcome(null))} />
            {handoffLabels[candidate]}
          </label>
        ))}
      </fieldset>
      {format === 'otio' && (
        <label className="handoff__option">
          <input type="checkbox" checked={relativePaths} onChange={(e) => (setRelativePaths(e.target.checked), setOutcome(null))} />
          <span>
            Media paths relative to the .otio
            <span className="handoff__note">For moving the whole project folder (Resolve). Otherwise the takes are named by full file:// paths, found from anywhere.</span>
          </span>
        </label>
      )}
      <p className="handoff__note">Files go to the project’s <code>exports</code> folder.{format === 'otio' && relativePaths && ' Keep the .otio there: it finds the takes from its own folder.'}</p>
      {written && (
        <div className="handoff__result" role="status">
          <p>Written to <code>{written.path}</code></p>
          {written.captionsPath && <p>Captions beside it: <code>{written.captionsPath}</code></p>}
          {written.warnings.map((warning) => (
            <p key={warning} className="handoff__warning">{warning}</p>
          ))}
        </div>
      )}
      {outcome && 'error' in outcome && (
        <p className="handoff__error" role="alert">{outcome.error.message} {outcome.error.hint}</p>
      )}
    </Dialog>
  )
}
