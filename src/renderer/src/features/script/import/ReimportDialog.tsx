import { useMemo } from 'react'
import type { SceneStatus } from '../../../../../shared/script/reimport'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { applyDraft, planDraft } from './script-actions'
import { useScriptImport, type ScriptSession } from './script-import-store'

const statusWords: Record<SceneStatus, string> = { new: 'New', changed: 'Changed', gone: 'Gone', same: 'Unchanged' }

/** A newer draft of the imported script: what is new, changed and gone, scene by scene, before anything changes. */
export function ReimportDialog({ session }: { session: ScriptSession }) {
  const doc = useStore((s) => s.doc)
  const takes = useStore((s) => s.takes)
  const plan = useMemo(() => planDraft(session, doc, takes), [session, doc, takes])
  const close = () => useScriptImport.getState().close()
  if (!plan) return null
  const { added, updated, marked, removed } = plan.counts
  const nothing = plan.ops.length === 0
  const keptWithTakes = plan.goneWithTakes.length
  const footer = (
    <>
      <button type="button" className="btn" onClick={close}>Cancel</button>
      <button type="button" className="btn btn--primary" disabled={nothing} title={nothing ? 'This draft changes nothing in the storyboard' : undefined} onClick={() => applyDraft(session)}>
        Apply changes
      </button>
    </>
  )
  return (
    <Dialog title={`New draft: ${session.screenplay.title ?? session.fileName}`} onClose={close} footer={footer} width={640}>
      <p className="script-import__rule">Clips you have not edited take the new words; edited clips keep yours and are marked “script changed”.</p>
      <p className="script-diff__counts tabular">{added} to add · {updated} to update · {marked} to mark · {removed} to remove</p>
      <ul className="script-diff" aria-label="Scenes">
        {plan.scenes.map((scene) => (
          <li key={scene.key} className={`script-diff__scene script-diff__scene--${scene.status}`}>
            <span className="script-diff__status">{statusWords[scene.status]}</span>
            <span className="script-diff__label">{scene.label}</span>
          </li>
        ))}
      </ul>
      <label className="script-import__option">
        <input type="checkbox" checked={session.breakdown.speak} onChange={(e) => useScriptImport.getState().change({ breakdown: { ...session.breakdown, speak: e.target.checked } })} />
        Speak the dialogue of updated and new clips: lines go into the prompt, sound on
      </label>
      {(keptWithTakes > 0 || session.removeClipsWithTakes) && (
        <label className="script-import__option">
          <input type="checkbox" checked={session.removeClipsWithTakes} onChange={(e) => useScriptImport.getState().change({ removeClipsWithTakes: e.target.checked })} />
          Also remove the clips with takes that this draft no longer has (their takes stay in the project folder)
        </label>
      )}
    </Dialog>
  )
}
