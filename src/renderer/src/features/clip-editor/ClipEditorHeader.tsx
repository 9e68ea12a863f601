import type { Clip } from '../../../../shared/domain/project'
import { editCoalesced } from '../../store/history'
import { useStore } from '../../store/store'

export function ClipEditorHeader({ clip, number }: { clip: Clip; number: number }) {
  const edit = useStore((s) => s.edit)
  const setMultiShot = (multiShot: boolean) => edit({ type: 'updateClip', clipId: clip.id, patch: { multiShot } })
  return (
    <header className="clip-editor__header">
      <span className="clip-editor__number">Clip {number}</span>
      <input
        className="clip-editor__title"
        aria-label="Clip title"
        placeholder="Untitled clip"
        maxLength={200}
        value={clip.title}
        onChange={(e) => editCoalesced({ type: 'updateClip', clipId: clip.id, patch: { title: e.target.value } }, `${clip.id}:title`)}
      />
      <div className="clip-editor__modes">
        <div className="segmented" role="radiogroup" aria-label="Prompt style">
          <button type="button" role="radio" aria-checked={!clip.multiShot} onClick={() => setMultiShot(false)}>
            Single prompt
          </button>
          <button type="button" role="radio" aria-checked={clip.multiShot} onClick={() => setMultiShot(true)}>
            Multi-shot
          </button>
        </div>
        {clip.multiShot && (
          <div className="segmented" role="radiogroup" aria-label="Shot planning">
            <button
              type="button"
              role="radio"
              aria-checked={clip.shotType === 'customize'}
              title="You write each shot and its length"
              onClick={() => edit({ type: 'updateClip', clipId: clip.id, patch: { shotType: 'customize' } })}
            >
              My shots
            </button>
            <button
              type="button"
              role="radio"
              aria-checked={clip.shotType === 'intelligence'}
              title="Kling splits one prompt into shots"
              onClick={() => edit({ type: 'updateClip', clipId: clip.id, patch: { shotType: 'intelligence' } })}
            >
              Kling plans
            </button>
          </div>
        )}
      </div>
    </header>
  )
}
