import { Ban, Star } from 'lucide-react'
import { useState } from 'react'
import { takeNoteOf } from '../../../../../shared/domain/edits-take-notes'
import { finalTakeStatuses, type Take } from '../../../../../shared/domain/project'
import { selectClipById } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { noteTake, writeTakeNote } from './judge-actions'
import { TrashTakeButton } from './TrashTakeButton'
import { CompareCheckbox } from '../compare/CompareControls'
import './judging.css'

/** Rating, reject and a note for one take: what a director marks on a take sheet. */
export function TakeJudging({ take, number }: { take: Take; number: number }) {
  const clip = useStore(selectClipById(take.clipId))
  const [editing, setEditing] = useState(false)
  if (!clip || !finalTakeStatuses.includes(take.status)) return null
  const trash = <TrashTakeButton take={take} number={number} chosen={clip.chosenTakeId === take.id} />
  if (take.status !== 'completed') return <div className="take-judging take-judging--end">{trash}</div>
  const note = takeNoteOf(clip, take.id)
  return (
    <div className="take-judging">
      <CompareCheckbox take={take} number={number} />
      <div className="take-judging__stars" role="group" aria-label={`Rating of take ${number}`}>
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            className={note.rating !== null && value <= note.rating ? 'take-judging__star take-judging__star--on' : 'take-judging__star'}
            aria-label={`Rate ${value} of 5`}
            aria-pressed={note.rating === value}
            title={`Rate ${value} of 5 (key ${value})`}
            onClick={() => noteTake(take.clipId, take.id, { rating: note.rating === value ? null : value })}
          >
            <Star size={13} strokeWidth={1.75} aria-hidden />
          </button>
        ))}
      </div>
      <button
        type="button"
        className={note.rejected ? 'btn btn--small btn--ghost take-judging__reject--on' : 'btn btn--small btn--ghost'}
        aria-pressed={note.rejected}
        onClick={() => noteTake(take.clipId, take.id, { rejected: !note.rejected })}
      >
        <Ban size={12} strokeWidth={2} aria-hidden /> {note.rejected ? 'Rejected' : 'Reject'}
      </button>
      {editing || note.note !== '' ? (
        <input
          className="input take-judging__note"
          aria-label={`Note on take ${number}`}
          placeholder="What works, what doesn't"
          value={note.note}
          maxLength={2000}
          autoFocus={editing && note.note === ''}
          onChange={(e) => writeTakeNote(take.clipId, take.id, e.target.value)}
          onBlur={() => setEditing(false)}
        />
      ) : (
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing(true)}>
          Add note
        </button>
      )}
      {trash}
    </div>
  )
}
