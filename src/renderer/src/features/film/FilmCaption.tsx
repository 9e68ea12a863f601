import type { CutEntry } from '../../../../shared/cut/cut-plan'
import { shotAt } from '../../../../shared/cut/cut-time'
import { FilmPrompt } from './FilmPrompt'

type Props = { entry: CutEntry; secondsIntoEntry: number }

/** The clip and shot on screen with its prompt, so a storyboard reads like a script while it plays. */
export function FilmCaption({ entry, secondsIntoEntry }: Props) {
  const shot = shotAt(entry, secondsIntoEntry)
  const multiShot = entry.shots.length > 1
  return (
    <div className="film-caption" aria-live="polite">
      <span className="film-caption__where">
        Clip {entry.clipNumber}
        {entry.kind === 'take' && ` · take ${entry.takeNumber}`}
        {multiShot && shot && ` · shot ${shot.index + 1} of ${entry.shots.length}`}
      </span>
      <span className="film-caption__text">
        <FilmPrompt clipId={entry.clipId} text={(multiShot ? shot?.prompt : entry.prompt) ?? ''} />
      </span>
    </div>
  )
}
