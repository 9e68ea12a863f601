import { apiRules, aspectRatios, modeLabels, modes } from '../../../../shared/domain/api-rules'
import type { ProjectDefaults } from '../../../../shared/domain/project'
import { selectDefaults } from '../../store/selectors'
import { useStore } from '../../store/store'
import { useState } from 'react'
import { AdjustmentNote } from '../../ui/AdjustmentNote'
import { IntegerInput } from '../../ui/IntegerInput'
import { call } from '../../ipc/client'

/**
 * New clips in the open project start from these; changing them never touches existing clips. The latest choice
 * is also remembered app-wide, so the next new project starts the same way.
 */
export function DefaultsSection() {
  const defaults = useStore(selectDefaults)
  const edit = useStore((s) => s.edit)
  const [durationNote, setDurationNote] = useState<string | null>(null)
  if (!defaults) return null
  const set = (patch: Partial<ProjectDefaults>) => {
    edit({ type: 'setDefaults', defaults: patch })
    void call('settings:update', { patch: { defaults: { ...defaults, ...patch } } }).then((view) => view && useStore.getState().setSettings(view))
  }
  return (
    <section className="dialog-section" aria-labelledby="settings-defaults">
      <h3 id="settings-defaults" className="caps-label dialog-section__title">Defaults for new clips</h3>
      <p className="field__hint">Used for new clips in this project and for the next projects you create.</p>
      <div className="dialog-grid">
        <label className="field">
          <span className="field__hint">Quality</span>
          <select className="select" value={defaults.mode} onChange={(e) => set({ mode: e.target.value === 'std' ? 'std' : 'pro' })}>
            {modes.map((m) => <option key={m} value={m}>{modeLabels[m]}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__hint">Aspect ratio</span>
          <select className="select" value={defaults.aspectRatio} onChange={(e) => set({ aspectRatio: aspectRatios.find((r) => r === e.target.value) ?? '16:9' })}>
            {aspectRatios.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__hint">Duration (s)</span>
          <IntegerInput
            className="input tabular"
            min={apiRules.minDuration}
            max={apiRules.maxDuration}
            value={defaults.duration}
            aria-describedby="settings-duration-note"
            onCommit={(duration) => {
              setDurationNote(null)
              set({ duration })
            }}
            onOutOfRange={(typed) => {
              // Never change the user's number without a word: say what it became and why.
              const duration = Math.min(apiRules.maxDuration, Math.max(apiRules.minDuration, typed))
              setDurationNote(`Kling makes ${apiRules.minDuration}–${apiRules.maxDuration} s; set to ${duration} s.`)
              if (duration !== defaults.duration) set({ duration })
            }}
          />
          <AdjustmentNote id="settings-duration-note" note={durationNote} />
        </label>
        <label className="field">
          <span className="field__hint">Sound</span>
          <select className="select" value={defaults.sound} onChange={(e) => set({ sound: e.target.value === 'on' ? 'on' : 'off' })}>
            <option value="off">Off</option>
            <option value="on">On</option>
          </select>
        </label>
      </div>
    </section>
  )
}
