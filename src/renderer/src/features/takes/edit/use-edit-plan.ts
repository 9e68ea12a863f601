import { useEffect, useState } from 'react'
import type { EditRequest } from '../../../../../shared/domain/edit-request'
import type { QueuePlan } from '../../../../../shared/domain/spend'
import { invoke } from '../../../ipc/client'

export type EditPlanState = { plan: QueuePlan | null; error: string | null }

const SETTLE_MS = 250

/**
 * What main says of the edit as drafted: its estimate (billed by the source's length), its pre-flight errors and
 * the budgets it would leave. Asked again once typing settles; `stamp` changes when facts behind it change (a
 * take's probed video), so the answer follows them.
 */
export function useEditPlan(request: EditRequest, stamp: unknown): EditPlanState {
  const [state, setState] = useState<EditPlanState>({ plan: null, error: null })
  const key = JSON.stringify(request)
  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      void invoke('generation:planEdit', JSON.parse(key) as EditRequest).then((result) => {
        if (!live) return
        setState(result.ok ? { plan: result.value, error: null } : { plan: null, error: `${result.error.message} ${result.error.hint}`.trim() })
      })
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key, stamp])
  return state
}
