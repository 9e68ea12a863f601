import type { LedgerRow } from '../../../../shared/domain/spend'
import { ledgerStatusView, modeWord, rowAmount, rowTime } from './ledger-words'

/** Enough rows to scroll through; the CSV export holds all of them. */
const SHOWN_ROWS = 500

export function LedgerTable({ rows }: { rows: readonly LedgerRow[] }) {
  if (rows.length === 0) return <p className="empty-note">No takes yet. Each take you generate or queue is listed here with its estimate.</p>
  const shown = rows.slice(0, SHOWN_ROWS)
  return (
    <div className="ledger-table__scroll">
      <table className="ledger-table" aria-label="Takes in the spend ledger">
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">Project</th>
            <th scope="col">Clip</th>
            <th scope="col">Mode</th>
            <th scope="col" className="ledger-table__num">Length</th>
            <th scope="col">Sound</th>
            <th scope="col" className="ledger-table__num">Estimate</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const status = ledgerStatusView[row.status]
            const amount = rowAmount(row)
            return (
              <tr key={row.takeId}>
                <td className="tabular">{rowTime(row.queuedAt)}</td>
                <td className="ledger-table__text">{row.projectName}</td>
                <td className="ledger-table__text">{row.clipTitle}</td>
                <td>{modeWord(row)}</td>
                <td className="ledger-table__num tabular">{row.durationSeconds} s</td>
                <td>{row.sound === 'on' ? 'On' : 'Off'}</td>
                <td className="ledger-table__num tabular">
                  {amount.text}
                  {amount.aside && <span className="ledger-table__aside">{amount.aside}</span>}
                </td>
                <td>
                  <span className={status.tone === 'neutral' ? 'pill' : `pill pill--${status.tone}`}>{status.label}</span>
                  {status.note && <span className="ledger-table__aside">{status.note}</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {rows.length > SHOWN_ROWS && <p className="empty-note">Showing the {SHOWN_ROWS} newest of {rows.length} takes; Export CSV has every one.</p>}
    </div>
  )
}
