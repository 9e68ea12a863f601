import { FileDiff, MessageSquare } from 'lucide-react'
import type { Clip } from '../../../../../shared/domain/project'
import { diffWords } from '../../../../../shared/takes/request-diff'
import { useStore } from '../../../store/store'
import { RequestChangeList } from '../../takes/compare/RequestChangeList'
import './script-notes.css'

/**
 * In the clip editor, for a clip imported from a script: its dialogue (kept as data, its captions) and, when a newer
 * draft changed its words after the user edited it, what changed and a way to settle it.
 */
export function ScriptNotice({ clip }: { clip: Clip }) {
  const script = clip.script
  if (!script) return null
  const changed = script.changed
  const settle = () =>
    useStore.getState().edit({ type: 'updateClip', clipId: clip.id, patch: { script: { ...script, text: changed && !changed.gone ? changed.text : script.text, changed: null } } })
  return (
    <>
      {changed && (
        <section className="stale-notice" aria-label="Script changed">
          <p className="stale-notice__title">
            <FileDiff size={14} strokeWidth={1.75} aria-hidden />
            {changed.gone ? 'The newer draft no longer has these words' : 'Script changed'}
            <span className="stale-notice__hint">{changed.gone ? 'Keep the clip, or delete it yourself.' : 'You had edited this clip, so it kept your prompt. Work the new words in, then mark it done.'}</span>
          </p>
          {!changed.gone && <RequestChangeList changes={[{ field: 'prompt', kind: 'words', ...diffWords(script.text, changed.text) }]} />}
          <div>
            <button type="button" className="btn btn--small" onClick={settle}>{changed.gone ? 'Keep this clip' : 'Done — I have the new words'}</button>
          </div>
        </section>
      )}
      {script.dialogue.length > 0 && (
        <section className="script-lines" aria-label="Dialogue">
          <p className="caps-label"><MessageSquare size={12} strokeWidth={1.75} aria-hidden /> Dialogue · captions</p>
          <ul>
            {script.dialogue.map((line, i) => (
              <li key={i}>
                <b>{line.character}</b>
                {line.parenthetical && <i> {line.parenthetical}</i>} {line.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
