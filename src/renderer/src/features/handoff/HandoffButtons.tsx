import { FileInput, FileOutput } from 'lucide-react'
import { useRef, useState } from 'react'
import type { ShotListProblem } from '../../../../shared/interchange/shot-list-import'
import { useStore } from '../../store/store'
import { ExportDialog } from './ExportDialog'
import { ImportReportDialog } from './ImportReportDialog'
import { importShotListFile, importShotListText } from './handoff-actions'
import { useAppCommand } from '../commands/menu/local-commands'
import './handoff.css'

type Report = { fileName: string; added: number; problems: ShotListProblem[] }

/** "Export for editor…" and "Import shot list…" in the title bar. */
export function HandoffButtons() {
  const [exporting, setExporting] = useState(false)
  const [report, setReport] = useState<Report | null>(null)
  const picker = useRef<HTMLInputElement>(null)

  const showResult = (fileName: string, result: { added: number; problems: ShotListProblem[] } | null) => {
    if (!result) return
    if (result.problems.length > 0) setReport({ fileName, ...result })
    else useStore.getState().pushToast({ tone: 'success', message: `Added ${result.added === 1 ? '1 clip' : `${result.added} clips`} from ${fileName}.`, hint: 'Ctrl/Cmd+Z takes them back.', tie: 'undo' })
  }
  const onPicked = async (file: File | undefined) => {
    if (picker.current) picker.current.value = ''
    if (!file) return
    showResult(file.name, await importShotListFile(file))
  }
  useAppCommand('handoff:export', () => setExporting(true))
  useAppCommand('shotList:import', (command) => void (command.command === 'shotList:import' && importShotListText(command.text).then((result) => showResult(command.name, result))))

  return (
    <>
      <button type="button" className="btn btn--ghost btn--icon" aria-label="Export for editor…" title="Export for editor… (OTIO, FCPXML, EDL, CSV, PDF)" onClick={() => setExporting(true)}>
        <FileOutput size={16} strokeWidth={1.75} aria-hidden />
      </button>
      <button type="button" className="btn btn--ghost btn--icon" aria-label="Import shot list…" title="Import shot list… (CSV)" onClick={() => picker.current?.click()}>
        <FileInput size={16} strokeWidth={1.75} aria-hidden />
      </button>
      <input ref={picker} type="file" accept=".csv,text/csv" hidden aria-hidden tabIndex={-1} onChange={(event) => void onPicked(event.target.files?.[0])} />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      {report && <ImportReportDialog {...report} onClose={() => setReport(null)} />}
    </>
  )
}
