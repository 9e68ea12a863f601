import { FolderOpen } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { ChannelResponse, EventPayload } from '../../../../shared/ipc/contract'
import { formatFilmTime } from '../../../../shared/cut/cut-time'
import { invoke, subscribe } from '../../ipc/client'
import { Dialog } from '../../ui/Dialog'
import { closeExportDialog } from './film-store'
import { FilmCaptionsFields } from './FilmCaptionsFields'
import type { FilmCaptions } from '../../../../shared/captions/film-captions-options'

type Progress = EventPayload<'film:exportProgress'>
type Step =
  | { kind: 'choose'; note: AppError | null }
  | { kind: 'running'; progress: Progress }
  | { kind: 'done'; result: ChannelResponse<'film:export'> }

const phaseLabel: Record<Progress['phase'], string> = {
  preparing: 'Reading the takes…',
  copying: 'Joining the takes (no re-encoding)…',
  encoding: 'Encoding the film…',
  mixing: 'Mixing the sound lanes and levelling loudness…',
  captioning: 'Adding the captions…',
}

/** Export film…: choose what clips without a take become, watch progress, cancel, then show the file. */
export function ExportFilmDialog() {
  const [includeAnimatic, setIncludeAnimatic] = useState(false)
  const [captions, setCaptions] = useState<FilmCaptions | null>(null)
  const [step, setStep] = useState<Step>({ kind: 'choose', note: null })
  const running = step.kind === 'running'

  useEffect(() => {
    if (!running) return
    return subscribe('film:exportProgress', (progress) => setStep((current) => (current.kind === 'running' ? { kind: 'running', progress } : current)))
  }, [running])

  async function start(): Promise<void> {
    setStep({ kind: 'running', progress: { phase: 'preparing', fraction: 0 } })
    const result = await invoke('film:export', { includeAnimatic, captions })
    setStep(result.ok ? { kind: 'done', result: result.value } : { kind: 'choose', note: result.error })
  }
  const cancel = (): void => void invoke('film:cancelExport', {})
  const close = (): void => {
    if (running) cancel()
    closeExportDialog()
  }

  return (
    <Dialog title="Export film" onClose={close} width={520} footer={<Footer step={step} onStart={() => void start()} onCancel={cancel} onClose={close} />}>
      {step.kind === 'choose' && (
        <>
          <fieldset className="film-export__options">
            <legend className="visually-hidden">Clips without a take</legend>
            <Option checked={!includeAnimatic} onChange={() => setIncludeAnimatic(false)} title="Leave out clips without a take" hint="Only finished takes, joined without re-encoding when they share one format." />
            <Option checked={includeAnimatic} onChange={() => setIncludeAnimatic(true)} title="Hold a still for clips without a take" hint="Each gets its first frame, or a title card, for its duration. The film is re-encoded." />
          </fieldset>
          <FilmCaptionsFields value={captions} onChange={setCaptions} />
          {step.note && step.note.code !== 'export_cancelled' && <p className="film-export__error" role="alert">{step.note.message} {step.note.hint}</p>}
          {step.note?.code === 'export_cancelled' && <p className="film-export__status" role="status">Export cancelled; nothing was saved.</p>}
        </>
      )}
      {step.kind === 'running' && (
        <div className="film-export__progress">
          <progress className="film-export__bar" max={1} value={step.progress.fraction} aria-label="Export progress" />
          <span className="film-export__status" role="status">
            {phaseLabel[step.progress.phase]} {Math.round(step.progress.fraction * 100)} %
          </span>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="film-export__done" role="status">
          <span>
            Exported {formatFilmTime(step.result.durationSeconds)} of film{step.result.method === 'copy' ? ', joined without re-encoding' : ''}.
          </span>
          <span className="film-export__path">{step.result.path}</span>
        </div>
      )}
    </Dialog>
  )
}

function Option({ checked, onChange, title, hint }: { checked: boolean; onChange: () => void; title: string; hint: string }) {
  return (
    <label className="film-export__option">
      <input type="radio" name="film-export-stills" checked={checked} onChange={onChange} />
      <span className="film-export__option-text">
        <span>{title}</span>
        <span className="film-export__option-hint">{hint}</span>
      </span>
    </label>
  )
}

function Footer({ step, onStart, onCancel, onClose }: { step: Step; onStart: () => void; onCancel: () => void; onClose: () => void }) {
  if (step.kind === 'running') return <button type="button" className="btn" onClick={onCancel}>Cancel export</button>
  if (step.kind === 'done') {
    return (
      <>
        <button type="button" className="btn" onClick={() => void invoke('export:showInFolder', { path: step.result.path })}>
          <FolderOpen size={16} strokeWidth={1.75} aria-hidden />
          Show in folder
        </button>
        <button type="button" className="btn btn--primary" onClick={onClose}>Done</button>
      </>
    )
  }
  return (
    <>
      <button type="button" className="btn" onClick={onClose}>Close</button>
      <button type="button" className="btn btn--primary" onClick={onStart}>Export</button>
    </>
  )
}
