import type { ShotListProblem } from '../../../../shared/interchange/shot-list-import'
import { Dialog } from '../../ui/Dialog'

/** What a shot list import could not do, row by row, so the user can fix the file or the clips. */
export function ImportReportDialog({ fileName, added, problems, onClose }: { fileName: string; added: number; problems: ShotListProblem[]; onClose: () => void }) {
  const footer = <button type="button" className="btn btn--primary" onClick={onClose}>Done</button>
  return (
    <Dialog title="Shot list imported with problems" onClose={onClose} footer={footer} width={560}>
      <p>{added === 1 ? '1 clip was' : `${added} clips were`} added from <b>{fileName}</b>{added > 0 ? ' (Ctrl/Cmd+Z takes them back).' : '.'}</p>
      <ul className="handoff__problems">
        {problems.map((problem, index) => (
          <li key={index}><span className="handoff__row">Row {problem.row}</span> {problem.message}</li>
        ))}
      </ul>
    </Dialog>
  )
}
