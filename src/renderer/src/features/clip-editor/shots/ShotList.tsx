import { Plus } from 'lucide-react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import type { Clip } from '../../../../../shared/domain/project'
import type { ValidationIssue } from '../../../../../shared/domain/validate-clip'
import { addShot } from '../../timeline/clip-actions'
import { FieldIssues } from '../validation/FieldIssues'
import { ShotRow } from './ShotRow'
import { issuesAt } from '../validation/use-clip-validation'

export function ShotList({ clip, issues }: { clip: Clip; issues: readonly ValidationIssue[] }) {
  const total = clip.shots.reduce((sum, s) => sum + s.duration, 0)
  const full = clip.shots.length >= apiRules.maxShots
  return (
    <section className="shot-list" aria-label="Shots">
      <div className="field__row">
        <span className="caps-label">Shots</span>
        <span className="field__hint tabular">
          {clip.shots.length} of {apiRules.maxShots} · {total} s of {apiRules.minDuration}–{apiRules.maxDuration} s
        </span>
      </div>
      <ol className="shot-list__items">
        {clip.shots.map((shot, i) => (
          <ShotRow key={shot.id} clip={clip} shot={shot} index={i} issues={issues} />
        ))}
      </ol>
      <FieldIssues issues={issuesAt(issues, 'shots')} />
      <button
        type="button"
        className="btn btn--small shot-list__add"
        aria-disabled={full}
        title={full ? `The API takes at most ${apiRules.maxShots} shots` : undefined}
        onClick={() => !full && addShot(clip.id)}
      >
        <Plus size={14} strokeWidth={1.75} aria-hidden /> Add shot
      </button>
    </section>
  )
}
