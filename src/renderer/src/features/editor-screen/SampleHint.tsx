import { Lightbulb, X } from 'lucide-react'
import { useState } from 'react'
import { SAMPLE_PROJECT_NAME } from '../../../../shared/domain/sample'
import { call } from '../../ipc/client'
import { selectProjectName, selectSettings } from '../../store/selectors'
import { useStore } from '../../store/store'
import { NewProjectDialog } from '../title-bar/NewProjectDialog'
import './sample-hint.css'

/** A first start lands in the sample; this says what it is and how to start one's own, until dismissed for good. */
export function SampleHint() {
  const name = useStore(selectProjectName)
  const settings = useStore(selectSettings)
  const [naming, setNaming] = useState(false)
  if (name !== SAMPLE_PROJECT_NAME || !settings || settings.sampleHintDismissed) return null

  async function dismiss() {
    const view = await call('settings:update', { patch: { sampleHintDismissed: true } })
    if (view) useStore.getState().setSettings(view)
  }

  return (
    <aside className="sample-hint" aria-label="About the sample project">
      <Lightbulb className="sample-hint__icon" size={16} strokeWidth={1.75} aria-hidden />
      <p className="sample-hint__text">
        <strong>This is the sample project</strong>, a three-clip storyboard to look around in: change anything, it is your own copy.
        Start your own with <em>File → New project</em>.
      </p>
      <button type="button" className="btn btn--primary btn--small" onClick={() => setNaming(true)}>New project…</button>
      <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Dismiss the sample note" onClick={() => void dismiss()}>
        <X size={14} strokeWidth={1.75} aria-hidden />
      </button>
      {naming && <NewProjectDialog onClose={() => setNaming(false)} />}
    </aside>
  )
}
