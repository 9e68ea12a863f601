import { useState } from 'react'
import type { SettingsPatch, SettingsView } from '../../../../shared/settings'
import { call } from '../../ipc/client'
import { selectDialogReason, selectSettings } from '../../store/selectors'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { ApiKeySection } from './ApiKeySection'
import { ConnectionSection } from './ConnectionSection'
import { DefaultsSection } from './DefaultsSection'
import { PricesSection } from './PricesSection'
import './settings.css'

export type SettingsDraft = Pick<SettingsView, 'baseUrlPreset' | 'customBaseUrl' | 'imageEncoding' | 'maxConcurrentJobs' | 'prices' | 'idleTimeoutMs'>

export function SettingsDialog() {
  const settings = useStore(selectSettings)
  const reason = useStore(selectDialogReason)
  const close = useStore((s) => s.closeDialog)
  const [draft, setDraft] = useState<SettingsDraft | null>(() => (settings ? pickDraft(settings) : null))
  const [saving, setSaving] = useState(false)

  async function save() {
    if (!draft) return close()
    setSaving(true)
    const patch: SettingsPatch = { ...draft, customBaseUrl: draft.customBaseUrl.trim() }
    const view = await call('settings:update', { patch })
    setSaving(false)
    if (!view) return
    useStore.getState().setSettings(view)
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
      {settings ? <ApiKeySection settings={settings} /> : <p className="empty-note">Loading settings…</p>}
      {draft && <ConnectionSection draft={draft} onChange={update} />}
      {draft && <PricesSection prices={draft.prices} onChange={(prices) => update({ prices })} />}
      <DefaultsSection />
    </Dialog>
  )
}

function pickDraft(s: SettingsView): SettingsDraft {
  return { baseUrlPreset: s.baseUrlPreset, customBaseUrl: s.customBaseUrl, imageEncoding: s.imageEncoding, maxConcurrentJobs: s.maxConcurrentJobs, prices: s.prices, idleTimeoutMs: s.idleTimeoutMs }
}
