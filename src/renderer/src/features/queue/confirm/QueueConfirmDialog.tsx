import { AlertTriangle, Sparkles } from 'lucide-react'
import { useEffect, useState } from 'react'
import { newId } from '../../../../../shared/domain/ids'
import type { QueuePlan } from '../../../../../shared/domain/spend'
import { invoke } from '../../../ipc/client'
import { flushEdits } from '../../../store/document-slice'
import { selectOnline } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { PlanItems } from './PlanItems'
import { blockedClips, otherStandings, planHeadline, planRefusals } from './plan-words'
import { useQueueUi } from '../queue-store'
import './queue-confirm.css'

function planNote(plan: QueuePlan): string {
  const parts = plan.budgets.length === 0 ? ['No budget set'] : otherStandings(plan).map((words) => words[0]!.toUpperCase() + words.slice(1))
  return [...parts, 'Every figure is an estimate from your price settings.'].join(' · ')
}

/** Before more than one take is queued: what it costs, what it leaves of each budget, and what cannot go. */
export function QueueConfirmDialog() {
  const request = useQueueUi((s) => s.request)
  const closeDialog = useStore((s) => s.closeDialog)
  const online = useStore(selectOnline)
  const [plan, setPlan] = useState<QueuePlan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  // One confirm is one action: a second click (or a retry after a lost answer) gets the same takes back.
  const [actionId] = useState(newId)

  useEffect(() => {
    if (!request) return
    let live = true
    void (async () => {
      await flushEdits()
      const result = await invoke('queue:plan', request)
      if (!live) return
      if (result.ok) setPlan(result.value)
      else setError(`${result.error.message} ${result.error.hint}`)
    })()
    return () => {
      live = false
    }
  }, [request])

  const close = () => {
    useQueueUi.getState().setRequest(null)
    closeDialog()
  }
  const refusals = plan ? planRefusals(plan) : []
  const blocked = plan ? blockedClips(plan) : 0
  const why = blocked > 0 ? `${blocked === 1 ? 'One clip' : `${blocked} clips`} cannot be sent yet: fix ${blocked === 1 ? 'it' : 'them'} or leave ${blocked === 1 ? 'it' : 'them'} out.` : refusals[0] ?? null
  const disabled = !plan || sending || why !== null

  async function queue() {
    if (disabled || !request) return
    setSending(true)
    const result = await invoke('queue:add', { ...request, actionId })
    setSending(false)
    if (!result.ok) return setError(`${result.error.message} ${result.error.hint}`)
    for (const take of result.value.takes) useStore.getState().upsertTake(take)
    close()
    useQueueUi.setState({ open: true })
    useStore.getState().pushToast({ tone: 'success', message: `${result.value.takes.length} takes queued.`, hint: online ? undefined : 'They go out when the connection is back.', tie: 'project' })
  }

  const takeCount = plan?.takeCount ?? 0
  return (
    <Dialog
      title={takeCount > 0 ? `Queue ${takeCount} takes?` : 'Queue takes?'}
      onClose={close}
      width={620}
      footer={
        <>
          {refusals.length > 0 && (
            <button type="button" className="btn" onClick={() => useStore.getState().openDialog('settings')}>Budgets in Settings…</button>
          )}
          <button type="button" className="btn" onClick={close}>Cancel</button>
          <button type="button" className="btn btn--primary" aria-disabled={disabled} title={why ?? undefined} onClick={() => void queue()}>
            <Sparkles size={16} strokeWidth={1.75} aria-hidden /> {sending ? 'Queueing…' : takeCount > 0 ? `Queue ${takeCount} takes` : 'Queue'}
          </button>
        </>
      }
    >
      {plan === null && !error && <p className="empty-note" role="status">Working out the estimate…</p>}
      {plan && (
        <section className="queue-plan" aria-label="Plan">
          <p className="queue-plan__headline tabular">{planHeadline(plan)}</p>
          <p className="queue-plan__note">
            {planNote(plan)}
          </p>
          {refusals.map((refusal) => (
            <p key={refusal} className="queue-plan__refusal" role="alert">
              <AlertTriangle size={14} strokeWidth={2} aria-hidden /> {refusal} Nothing is queued; raise the cap or choose fewer clips.
            </p>
          ))}
          {blocked > 0 && <p className="queue-plan__refusal" role="alert"><AlertTriangle size={14} strokeWidth={2} aria-hidden /> {why}</p>}
          {!online && <p className="queue-plan__offline">You are offline: queued takes wait and go out once MuleRouter can be reached.</p>}
          <PlanItems plan={plan} />
        </section>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
    </Dialog>
  )
}
