import { baseUrlPresets, MAX_CONCURRENT_JOBS } from '../../../../shared/settings'
import { SegmentedControl } from '../../ui/SegmentedControl'
import type { SettingsDraft } from './SettingsDialog'

type Props = { draft: SettingsDraft; onChange: (patch: Partial<SettingsDraft>) => void; problem: string | null }

const serviceOptions = [
  { value: 'mulerouter', label: 'MuleRouter' },
  { value: 'mulerun', label: 'MuleRun' },
  { value: 'custom', label: 'Custom URL' },
] as const

export function ConnectionSection({ draft, onChange, problem }: Props) {
  return (
    <section className="dialog-section" aria-labelledby="settings-connection">
      <h3 id="settings-connection" className="caps-label dialog-section__title">Connection</h3>
      <SegmentedControl label="Service" options={serviceOptions} value={draft.baseUrlPreset} onChange={(baseUrlPreset) => onChange({ baseUrlPreset })} />
      {draft.baseUrlPreset === 'custom' ? (
        <>
          <input
            className="input"
            aria-label="Custom base URL"
            placeholder="https://…"
            aria-invalid={problem !== null && draft.customBaseUrl.trim() !== ''}
            aria-describedby="settings-base-url-rule"
            value={draft.customBaseUrl}
            onChange={(e) => onChange({ customBaseUrl: e.target.value })}
          />
          {problem !== null && draft.customBaseUrl.trim() !== '' ? (
            <p id="settings-base-url-rule" className="field__error">{problem}</p>
          ) : (
            <p id="settings-base-url-rule" className="field__hint">Your API key goes to this server: https:// anywhere, plain http:// only on this computer.</p>
          )}
        </>
      ) : (
        <p className="field__hint tabular">{baseUrlPresets[draft.baseUrlPreset]}</p>
      )}
      <details className="settings__advanced">
        <summary>Advanced</summary>
        <div className="dialog-grid">
          <label className="field">
            <span className="field__hint">Image encoding</span>
            <select className="select" value={draft.imageEncoding} onChange={(e) => onChange({ imageEncoding: e.target.value === 'dataUri' ? 'dataUri' : 'raw' })}>
              <option value="raw">Raw base64 (Kling's rule)</option>
              <option value="dataUri">Data URI (data:image/…;base64,…)</option>
            </select>
          </label>
          <label className="field">
            <span className="field__hint">Generations at once</span>
            <input
              className="input tabular"
              type="number"
              min={1}
              max={MAX_CONCURRENT_JOBS}
              value={draft.maxConcurrentJobs}
              onChange={(e) => onChange({ maxConcurrentJobs: Math.min(MAX_CONCURRENT_JOBS, Math.max(1, Math.trunc(Number(e.target.value)) || 1)) })}
            />
          </label>
          <label className="field">
            <span className="field__hint">Give up an upload after no progress for (seconds)</span>
            <input
              className="input tabular"
              type="number"
              min={20}
              max={600}
              value={Math.round(draft.idleTimeoutMs / 1000)}
              onChange={(e) => onChange({ idleTimeoutMs: Math.min(600, Math.max(20, Math.trunc(Number(e.target.value)) || 60)) * 1000 })}
            />
          </label>
        </div>
      </details>
    </section>
  )
}
