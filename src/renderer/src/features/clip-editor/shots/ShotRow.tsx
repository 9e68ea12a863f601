import { Trash2 } from 'lucide-react'
import { useState } from 'react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import type { Clip, Shot } from '../../../../../shared/domain/project'
import type { ValidationIssue } from '../../../../../shared/domain/validate-clip'
import { selectIsShotSelected } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { AdjustmentNote } from '../../../ui/AdjustmentNote'
import { IntegerInput } from '../../../ui/IntegerInput'
import { FieldIssues } from '../validation/FieldIssues'
import { PromptField } from '../prompt/PromptField'
import { issuesAt } from '../validation/use-clip-validation'

type Props = { clip: Clip; shot: Shot; index: number; issues: readonly ValidationIssue[] }

export function ShotRow({ clip, shot, index, issues }: Props) {
  const edit = useStore((s) => s.edit)
  const selected = useStore(selectIsShotSelected(shot.id))
  const number = index + 1
  const durationId = `shot-${shot.id}-duration`
  const [note, setNote] = useState<string | null>(null)
  const { minShotDuration: min, maxDuration: max } = apiRules

  /** The shots share the clip's 15 s: a shot that would pass it gets what is left, and the note says so. */
  function setDuration(asked: number, reason: string | null) {
    const duration = Math.min(max, Math.max(min, asked))
    edit({ type: 'updateShot', clipId: clip.id, shotId: shot.id, patch: { duration } })
    const got = useStore.getState().doc?.clips.find((c) => c.id === clip.id)?.shots.find((s) => s.id === shot.id)?.duration ?? duration
    if (reason) setNote(`${reason}; set to ${got} s.`)
    else setNote(got === asked ? null : `The shots of a clip add up to ${max} s at most; set to ${got} s.`)
  }
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
          min={min}
          max={max}
          aria-label={`Shot ${number} duration`}
          aria-describedby={`${durationId}-note`}
          value={shot.duration}
          onCommit={(duration) => setDuration(duration, null)}
          onOutOfRange={(typed) => setDuration(typed, `A shot is ${min}–${max} s`)}
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
      <AdjustmentNote id={`${durationId}-note`} note={note} />
    </li>
  )
}
