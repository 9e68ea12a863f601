import { useState } from 'react'
import { baseUrlProblem, resolveBaseUrl, type SettingsPatch, type SettingsView } from '../../../../shared/settings'
import { invoke } from '../../ipc/client'
import { selectDialogReason, selectHasProject, selectSettings } from '../../store/selectors'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { capText } from '../spend/cap-text'
import { saveProjectCap } from '../spend/budget-actions'
import { ApiKeySection } from './ApiKeySection'
import { BudgetsSection, parseBudgetTexts, type BudgetTexts } from './BudgetsSection'
import { ConnectionSection } from './ConnectionSection'
import { DefaultsSection } from './DefaultsSection'
import { PricesSection } from './PricesSection'
import './settings.css'

export type SettingsDraft = Pick<SettingsView, 'baseUrlPreset' | 'customBaseUrl' | 'imageEncoding' | 'maxConcurrentJobs' | 'prices' | 'idleTimeoutMs'> & {
  budgetTexts: BudgetTexts
}

export function SettingsDialog() {
  const settings = useStore(selectSettings)
  const reason = useStore(selectDialogReason)
  const close = useStore((s) => s.closeDialog)
  const projectCapUsd = useStore((s) => s.projectCapUsd)
  const hasProject = useStore(selectHasProject)
  const [draft, setDraft] = useState<SettingsDraft | null>(() => (settings ? pickDraft(settings, projectCapUsd) : null))
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const typedBaseUrl = draft ? typedUrl(draft) : null

  /** A refusal stays in the dialog: a toast would sit behind the modal. */
  async function save() {
    if (!draft) return close()
    if (typedBaseUrl?.problem) return setRefusal(typedBaseUrl.problem)
    const caps = parseBudgetTexts(draft.budgetTexts)
    if (!caps) return setRefusal('Fix the budget marked above, or leave it empty for no cap.')
    setSaving(true)
    const { budgetTexts: _texts, ...fields } = draft
    const patch: SettingsPatch = { ...fields, customBaseUrl: draft.customBaseUrl.trim(), budgets: caps.app }
    const result = await invoke('settings:update', { patch })
    if (!result.ok) {
      setSaving(false)
      return setRefusal(`${result.error.message} ${result.error.hint}`)
    }
    useStore.getState().setSettings(result.value)
    const capRefusal = hasProject && caps.project !== projectCapUsd ? await saveProjectCap(caps.project) : null
    setSaving(false)
    if (capRefusal) return setRefusal(capRefusal)
    close()
  }

  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d))
  return (
    <Dialog
      title="Settings"
      onClose={close}
      width={600}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>Cancel</button>
          <button type="button" className="btn btn--primary" aria-disabled={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </>
      }
    >
      {reason && <p className="settings__reason" role="status">{reason}</p>}
      {settings ? <ApiKeySection settings={settings} baseUrl={typedBaseUrl} /> : <p className="empty-note">Loading settings…</p>}
      {draft && <ConnectionSection draft={draft} onChange={update} problem={typedBaseUrl?.problem ?? null} />}
      {refusal && <p className="field__error" role="alert">{refusal}</p>}
      {draft && <PricesSection prices={draft.prices} onChange={(prices) => update({ prices })} />}
      {draft && <BudgetsSection texts={draft.budgetTexts} hasProject={hasProject} onChange={(budgetTexts) => update({ budgetTexts })} />}
      <DefaultsSection />
    </Dialog>
  )
}

/** The base URL as the dialog shows it now, and why the key may not go there (null when it may). */
export type TypedBaseUrl = { url: string; problem: string | null }

function typedUrl(draft: SettingsDraft): TypedBaseUrl {
  const url = resolveBaseUrl({ baseUrlPreset: draft.baseUrlPreset, customBaseUrl: draft.customBaseUrl.trim() })
  if (url === '') return { url, problem: 'Enter the custom base URL.' }
  return { url, problem: baseUrlProblem(url) }
}

function pickDraft(s: SettingsView, projectCapUsd: number | null): SettingsDraft {
  return {
    baseUrlPreset: s.baseUrlPreset, customBaseUrl: s.customBaseUrl, imageEncoding: s.imageEncoding, maxConcurrentJobs: s.maxConcurrentJobs, prices: s.prices, idleTimeoutMs: s.idleTimeoutMs,
    budgetTexts: { daily: capText(s.budgets.dailyUsd), monthly: capText(s.budgets.monthlyUsd), project: capText(projectCapUsd) },
  }
}
