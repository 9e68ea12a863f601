import type { Clip } from '../../../../shared/domain/project'
import { editCoalesced } from '../../store/history'
import { useStore } from '../../store/store'
import { SegmentedControl } from '../../ui/SegmentedControl'

const promptStyles = [
  { value: 'single', label: 'Single prompt' },
  { value: 'multi', label: 'Multi-shot' },
] as const
const shotPlanning = [
  { value: 'customize', label: 'My shots', title: 'You write each shot and its length' },
  { value: 'intelligence', label: 'Kling plans', title: 'Kling splits one prompt into shots' },
] as const

export function ClipEditorHeader({ clip, number }: { clip: Clip; number: number }) {
  const edit = useStore((s) => s.edit)
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
        <SegmentedControl
          label="Prompt style"
          options={promptStyles}
          value={clip.multiShot ? 'multi' : 'single'}
          onChange={(style) => edit({ type: 'updateClip', clipId: clip.id, patch: { multiShot: style === 'multi' } })}
        />
        {clip.multiShot && (
          <SegmentedControl
            label="Shot planning"
            options={shotPlanning}
            value={clip.shotType}
            onChange={(shotType) => edit({ type: 'updateClip', clipId: clip.id, patch: { shotType } })}
          />
        )}
      </div>
    </header>
  )
}
