import { useMemo } from 'react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import { ACTION_WORDS_PER_SECOND, SPOKEN_WORDS_PER_SECOND } from '../../../../../shared/script/beats'
import { clipSeconds, setAllSeconds, type Breakdown } from '../../../../../shared/script/breakdown'
import { buildScriptImport, type BuiltClip } from '../../../../../shared/script/script-clips'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { SceneCard } from './SceneCard'
import { importBreakdown, replaceableSelection } from './script-actions'
import { selectSelectedClipIds } from '../../../store/selectors'
import type { ScriptSession } from './script-import-store'
import { useScriptImport } from './script-import-store'

const seconds = Array.from({ length: apiRules.maxDuration - apiRules.minDuration + 1 }, (_, i) => apiRules.minDuration + i)

/** What the import would make, built exactly as Import will, with throwaway ids, for the rows to show. */
function usePreview(breakdown: Breakdown) {
  const doc = useStore((s) => s.doc)
  return useMemo(() => {
    if (!doc) return { built: new Map<string, BuiltClip>(), cast: [] }
    let n = 0
    const all = { ...breakdown, scenes: breakdown.scenes.map((s) => ({ ...s, include: true })) }
    const preview = buildScriptImport(all, { defaults: doc.defaults, elements: doc.elements, library: [], newId: () => `preview-${++n}` })
    const ids = all.scenes.flatMap((s) => s.clips.map((clip) => clip.id))
    return { built: new Map(preview.clips.map((clip, i) => [ids[i]!, clip])), cast: preview.cast }
  }, [breakdown, doc])
}

/** The breakdown before anything changes: scenes to choose, clips to merge, split and time, then one import. */
export function ScriptImportDialog({ session }: { session: ScriptSession }) {
  const { breakdown, fileName } = session
  const busy = useScriptImport((s) => s.busy)
  const change = (next: Breakdown) => useScriptImport.getState().change({ breakdown: next })
  const { built, cast } = usePreview(breakdown)
  const selected = useStore((s) => selectSelectedClipIds(s).length)
  const replaceable = useStore((s) => replaceableSelection(s).length)
  const chosen = breakdown.scenes.filter((s) => s.include)
  const clipCount = chosen.reduce((sum, s) => sum + s.clips.length, 0)
  const total = chosen.reduce((sum, s) => sum + s.clips.reduce((t, clip) => t + clipSeconds(clip), 0), 0)
  const inChosen = new Set(chosen.flatMap((s) => s.clips.flatMap((clip) => built.get(clip.id)?.clip.elementIds ?? [])))
  const newCast = cast.filter((member) => member.source === 'new' && inChosen.has(member.elementId)).map((member) => member.name)
  const footer = (
    <>
      <span className="script-import__total tabular">{chosen.length} of {breakdown.scenes.length} scenes · {clipCount} clips · {total} s</span>
      <button type="button" className="btn" onClick={() => useScriptImport.getState().close()}>Cancel</button>
      <button type="button" className="btn btn--primary" disabled={clipCount === 0 || busy} title={clipCount === 0 ? 'Choose at least one scene' : undefined} onClick={() => void importBreakdown(session)}>
        Import {clipCount === 1 ? '1 clip' : `${clipCount} clips`}
      </button>
    </>
  )
  return (
    <Dialog title={`Import ${breakdown.title ?? fileName}`} onClose={() => useScriptImport.getState().close()} footer={footer} width={900}>
      <div className="script-import__options">
        <label className="script-import__option">
          <input type="checkbox" checked={breakdown.speak} onChange={(e) => change({ ...breakdown, speak: e.target.checked, scenes: breakdown.scenes.map((s) => ({ ...s, clips: s.clips.map((clip) => ({ ...clip, speak: null })) })) })} />
          Speak the dialogue: lines go into the prompt, sound on
        </label>
        <label className="script-import__option">
          Every clip
          <select className="select script-import__all" aria-label="Duration of every clip" value="" onChange={(e) => change(setAllSeconds(breakdown, e.target.value === 'rule' ? null : Number(e.target.value)))}>
            <option value="" disabled>Set…</option>
            <option value="rule">By the rule</option>
            {seconds.map((s) => <option key={s} value={s}>{s} s</option>)}
          </select>
        </label>
        {selected > 0 && (
          <label className="script-import__option" title={replaceable === 0 ? 'A selected clip has takes: delete it yourself if you mean to' : undefined}>
            <input type="checkbox" disabled={replaceable === 0} checked={session.replaceSelection && replaceable > 0} onChange={(e) => useScriptImport.getState().change({ replaceSelection: e.target.checked })} />
            Replace the {selected === 1 ? 'selected clip' : `${selected} selected clips`}
          </label>
        )}
        <p className="script-import__rule">
          Durations: dialogue at {SPOKEN_WORDS_PER_SECOND} words/s, action at {ACTION_WORDS_PER_SECOND} words/s, {apiRules.minDuration}–{apiRules.maxDuration} s.
          {newCast.length > 0 && ` New characters become elements waiting for a frontal image: ${newCast.join(', ')}.`}
        </p>
      </div>
      <div className="script-import__scenes">
        {breakdown.scenes.map((proposal) => (
          <SceneCard key={proposal.scene.key} proposal={proposal} breakdown={breakdown} built={built} cast={cast} onChange={change} />
        ))}
      </div>
    </Dialog>
  )
}
