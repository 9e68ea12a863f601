import { Trash2 } from 'lucide-react'
import { apiRules } from '../../../../shared/domain/api-rules'
import type { Clip, Shot } from '../../../../shared/domain/project'
import type { ValidationIssue } from '../../../../shared/domain/validate-clip'
import { selectIsShotSelected } from '../../store/selectors'
import { useStore } from '../../store/store'
import { IntegerInput } from '../../ui/IntegerInput'
import { FieldIssues } from './FieldIssues'
import { PromptField } from './PromptField'
import { issuesAt } from './use-clip-validation'

type Props = { clip: Clip; shot: Shot; index: number; issues: readonly ValidationIssue[] }

export function ShotRow({ clip, shot, index, issues }: Props) {
  const edit = useStore((s) => s.edit)
  const selected = useStore(selectIsShotSelected(shot.id))
  const number = index + 1
  const durationId = `shot-${shot.id}-duration`
  return (
    <li className={selected ? 'shot-row shot-row--selected' : 'shot-row'} onFocus={() => !selected && useStore.getState().selectShot(clip.id, shot.id)}>
      <span className="shot-row__number tabular" aria-hidden="true">{number}</span>
      <div className="shot-row__main">
        <PromptField
          label={`Shot ${number} prompt`}
          clip={clip}
          target={{ shotId: shot.id }}
          value={shot.prompt}
          max={apiRules.shotPromptMaxChars}
          rows={2}
          placeholder="What happens in this shot"
          issues={issuesAt(issues, `shots.${index}.prompt`)}
        />
      </div>
      <div className="shot-row__side">
        <label className="caps-label" htmlFor={durationId}>Seconds</label>
        <IntegerInput
          id={durationId}
          className="input shot-row__duration tabular"
          min={apiRules.minShotDuration}
          max={apiRules.maxDuration}
          aria-label={`Shot ${number} duration`}
          value={shot.duration}
          onCommit={(duration) => edit({ type: 'updateShot', clipId: clip.id, shotId: shot.id, patch: { duration } })}
        />
        <button
          type="button"
          className="btn btn--ghost btn--icon btn--small"
          aria-label={`Remove shot ${number}`}
          onClick={() => edit({ type: 'removeShot', clipId: clip.id, shotId: shot.id })}
        >
          <Trash2 size={14} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
      <FieldIssues issues={issuesAt(issues, `shots.${index}.duration`)} />
    </li>
  )
}
