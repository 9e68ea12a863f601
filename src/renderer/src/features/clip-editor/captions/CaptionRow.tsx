import { CircleAlert, Trash2, TriangleAlert } from 'lucide-react'
import { captionTimingIssue } from '../../../../../shared/captions/caption-timing'
import { captionLimits, type CaptionLine } from '../../../../../shared/domain/caption-line'
import type { Clip } from '../../../../../shared/domain/project'
import { usesShotDurations } from '../../../../../shared/domain/shot-durations'
import { SecondsInput } from '../../../ui/SecondsInput'
import { changeCaption, removeCaption } from './caption-actions'

type Props = { clip: Clip; line: CaptionLine; number: number }

/** One caption line: who speaks, the words, when it shows within the clip, and whether that fits the clip. */
export function CaptionRow({ clip, line, number }: Props) {
  const issue = captionTimingIssue(line, clip.duration)
  const issueId = `caption-${line.id}-issue`
  const shot = shotNumberAt(clip, line.startSeconds)
  const retime = (patch: Partial<Pick<CaptionLine, 'startSeconds' | 'endSeconds'>>) => changeCaption(clip.id, line.id, patch)
  return (
    <li className="caption-row">
      <span className="caption-row__number tabular" aria-hidden="true">{number}</span>
      <input
        className="input caption-row__speaker"
        aria-label={`Caption ${number} speaker`}
        placeholder="Speaker"
        maxLength={captionLimits.speakerChars}
        value={line.speaker ?? ''}
        onChange={(e) => changeCaption(clip.id, line.id, { speaker: e.target.value })}
      />
      <span className="caption-row__times tabular">
        <SecondsInput
          className="input caption-row__time"
          aria-label={`Caption ${number} start (seconds)`}
          aria-invalid={issue?.severity === 'error'}
          aria-describedby={issue ? issueId : undefined}
          max={captionLimits.maxSeconds}
          value={line.startSeconds}
          onCommit={(startSeconds) => retime({ startSeconds })}
        />
        <span aria-hidden="true">–</span>
        <SecondsInput
          className="input caption-row__time"
          aria-label={`Caption ${number} end (seconds)`}
          aria-invalid={issue !== null}
          aria-describedby={issue ? issueId : undefined}
          max={captionLimits.maxSeconds}
          value={line.endSeconds}
          onCommit={(endSeconds) => retime({ endSeconds })}
        />
        <span className="caption-row__unit">s{shot !== null && ` · shot ${shot}`}</span>
      </span>
      <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Remove caption ${number}`} onClick={() => removeCaption(clip.id, line.id)}>
        <Trash2 size={14} strokeWidth={1.75} aria-hidden />
      </button>
      <textarea
        className="textarea caption-row__text"
        aria-label={`Caption ${number} text`}
        placeholder="What is said, or shown as text"
        rows={1}
        maxLength={captionLimits.textChars}
        value={line.text}
        onChange={(e) => changeCaption(clip.id, line.id, { text: e.target.value })}
      />
      {issue && (
        <p id={issueId} className={`field-issue field-issue--${issue.severity} caption-row__issue`}>
          {issue.severity === 'error' ? <CircleAlert size={14} strokeWidth={1.75} aria-hidden /> : <TriangleAlert size={14} strokeWidth={1.75} aria-hidden />}
          <span>{issue.message}</span>
        </p>
      )}
    </li>
  )
}

/** In a clip made of shots, which shot a line starts in (1-based); null for a single-prompt clip. */
function shotNumberAt(clip: Clip, seconds: number): number | null {
  if (!usesShotDurations(clip) || clip.shots.length < 2) return null
  let end = 0
  for (const [index, shot] of clip.shots.entries()) {
    end += shot.duration
    if (seconds < end) return index + 1
  }
  return clip.shots.length
}
