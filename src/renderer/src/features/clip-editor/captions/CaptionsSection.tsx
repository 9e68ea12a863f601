import { Captions, Plus, ScrollText } from 'lucide-react'
import { captionLimits } from '../../../../../shared/domain/caption-line'
import type { Clip } from '../../../../../shared/domain/project'
import { addCaptionLine, captionsFromScript } from './caption-actions'
import { CaptionRow } from './CaptionRow'
import './captions.css'

/**
 * The clip's caption lines, timed within the clip; they go out as SRT/WebVTT and into Export film. A clip imported
 * from a screenplay can take its dialogue as lines in one step.
 */
export function CaptionsSection({ clip }: { clip: Clip }) {
  const lines = clip.captions ?? []
  const full = lines.length >= captionLimits.linesPerClip
  const dialogue = clip.script?.dialogue.length ?? 0
  return (
    <section className="captions" aria-label="Captions">
      <div className="field__row">
        <span className="caps-label"><Captions size={12} strokeWidth={1.75} aria-hidden /> Captions</span>
        <span className="field__hint tabular">{lines.length === 0 ? `none · within ${clip.duration} s` : `${lines.length} ${lines.length === 1 ? 'line' : 'lines'} · within ${clip.duration} s`}</span>
      </div>
      {lines.length > 0 && (
        <ol className="captions__lines">
          {lines.map((line, index) => <CaptionRow key={line.id} clip={clip} line={line} number={index + 1} />)}
        </ol>
      )}
      <div className="captions__actions">
        <button
          type="button"
          className="btn btn--small"
          aria-disabled={full}
          title={full ? `A clip holds at most ${captionLimits.linesPerClip} caption lines` : undefined}
          onClick={() => !full && addCaptionLine(clip)}
        >
          <Plus size={14} strokeWidth={1.75} aria-hidden /> Add line
        </button>
        {dialogue > 0 && (
          <button
            type="button"
            className="btn btn--small"
            title={lines.length > 0 ? 'Replaces the lines above with the script’s dialogue (Ctrl/Cmd+Z brings them back)' : 'Spread the script’s dialogue over the clip by reading time'}
            onClick={() => captionsFromScript(clip)}
          >
            <ScrollText size={14} strokeWidth={1.75} aria-hidden /> Captions from the script
          </button>
        )}
      </div>
    </section>
  )
}
