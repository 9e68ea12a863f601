import { Download } from 'lucide-react'
import { useEffect, useState } from 'react'
import { dayKey, monthKey } from '../../../../shared/domain/budget'
import type { LedgerSummary } from '../../../../shared/domain/spend'
import { call } from '../../ipc/client'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { LedgerTable } from './LedgerTable'
import { LedgerTotals } from './LedgerTotals'
import './spend.css'

/** The spend ledger across projects: every take queued or sent, with what it is estimated to have cost. */
export function LedgerDialog() {
  const close = useStore((s) => s.closeDialog)
  const [ledger, setLedger] = useState<LedgerSummary | null>(null)
  const [exporting, setExporting] = useState(false)
  useEffect(() => {
    let live = true
    void call('ledger:read', {}).then((summary) => live && setLedger(summary ?? { rows: [], totals: { byProject: [], byDay: [], byMonth: [], allUsd: 0 } }))
    return () => {
      live = false
    }
  }, [])

  async function exportCsv() {
    setExporting(true)
    const result = await call('ledger:exportCsv', {})
    setExporting(false)
    if (result?.path) useStore.getState().pushToast({ tone: 'success', message: `Spend ledger saved to ${result.path}`, hint: 'Every figure in it is an estimate.' })
  }

  const now = new Date().toISOString()
  return (
    <Dialog
      title="Spend (estimates)"
      onClose={close}
      width={880}
      footer={
        <>
          <button type="button" className="btn" aria-disabled={exporting || !ledger?.rows.length} onClick={() => !exporting && ledger?.rows.length && void exportCsv()}>
            <Download size={16} strokeWidth={1.75} aria-hidden /> {exporting ? 'Exporting…' : 'Export CSV…'}
          </button>
          <button type="button" className="btn btn--primary" onClick={close}>Done</button>
        </>
      }
    >
      <p className="ledger__note">
        Every figure is an estimate from your price settings at the time each take was queued; MuleRouter’s bill is the final word. Failed and never-sent
        takes count $0.00.
      </p>
      {ledger === null ? (
        <p className="empty-note" role="status">Reading the ledger…</p>
      ) : (
        <>
          <LedgerTotals totals={ledger.totals} today={dayKey(now)} month={monthKey(now)} />
          <LedgerTable rows={ledger.rows} />
        </>
      )}
    </Dialog>
  )
}
