import type { CutAnimaticEntry, CutEntry } from '../../../../shared/cut/cut-plan'
import { useThumbnailUrl } from '../assets/bin/thumbnail-url'
import { FilmPrompt } from './FilmPrompt'

type Props = { entry: CutEntry; reason: CutAnimaticEntry['reason'] | 'unplayable' }

const reasonLabel: Record<Props['reason'], string> = {
  no_take: 'No take yet',
  take_not_ready: 'Take not ready',
  take_refused: 'Take refused',
  unplayable: 'Take could not be played',
}

/** What an animatic hold shows: the clip's first frame when it has one, otherwise a card with its title and prompt. */
export function AnimaticCard({ entry, reason }: Props) {
  const frame = useThumbnailUrl(entry.firstFrameAssetId)
  return (
    <div className="film-animatic" data-testid="film-animatic">
      {frame && <img className="film-animatic__frame" src={frame} alt={`First frame of clip ${entry.clipNumber}`} />}
      <div className={frame ? 'film-animatic__card film-animatic__card--over' : 'film-animatic__card'}>
        <span className="film-animatic__badge">Animatic · {reasonLabel[reason]}</span>
        <span className="film-animatic__number">Clip {entry.clipNumber}</span>
        <h3 className="film-animatic__title">{entry.title || `Clip ${entry.clipNumber}`}</h3>
        {entry.kind === 'animatic' && entry.problem && (
          <p className="film-animatic__problem" role="note">
            {entry.problem}
          </p>
        )}
        {!frame && entry.prompt && (
          <p className="film-animatic__prompt">
            <FilmPrompt clipId={entry.clipId} text={entry.prompt} />
          </p>
        )}
      </div>
    </div>
  )
}
