import { Clapperboard, Combine, MessageSquare, Scissors, Volume2 } from 'lucide-react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import { canSplit, clipSeconds, type ProposedClip } from '../../../../../shared/script/breakdown'
import type { BuiltClip, CastMember } from '../../../../../shared/script/script-clips'
import { IntegerInput } from '../../../ui/IntegerInput'
import { beatSummary } from './script-words'

type Props = {
  part: number
  proposal: ProposedClip
  built: BuiltClip | undefined
  cast: readonly CastMember[]
  speak: boolean
  canMerge: boolean
  onSeconds: (seconds: number) => void
  onSpeak: (speak: boolean) => void
  onSplit: () => void
  onMerge: () => void
}

/** One proposed clip: its words, who is in it, its length and what can be done to it before the import. */
export function ProposedClipRow({ part, proposal, built, cast, speak, canMerge, onSeconds, onSpeak, onSplit, onMerge }: Props) {
  const talks = proposal.beats.some((beat) => beat.kind === 'dialogue')
  const present = (built?.clip.elementIds ?? []).map((id) => cast.find((member) => member.elementId === id)).filter((m) => m !== undefined)
  const label = `Clip ${part}`
  return (
    <li className="script-clip" aria-label={label}>
      <span className="script-clip__part tabular">· {part}</span>
      <span className="script-clip__kind" title={talks ? 'Dialogue' : 'Action'}>
        {talks ? <MessageSquare size={14} strokeWidth={1.75} aria-hidden /> : <Clapperboard size={14} strokeWidth={1.75} aria-hidden />}
      </span>
      <div className="script-clip__main">
        <p className="script-clip__text">
          {proposal.beats.length > 1 && <span className="pill pill--accent">{proposal.beats.length} shots</span>} {proposal.beats.map(beatSummary).join(' / ')}
        </p>
        {present.length > 0 && (
          <ul className="script-clip__cast" aria-label="Characters present">
            {present.map((member) => (
              <li key={member.elementId} className={`script-chip${member.source === 'new' ? ' script-chip--new' : ''}`} title={member.source === 'new' ? `${member.name} is new: an element will be made — add a frontal image` : `${member.name}: an element of this project${member.source === 'library' ? ' (from your library)' : ''}`}>
                {member.name}
              </li>
            ))}
          </ul>
        )}
        {speak && built && built.omittedLines > 0 && <p className="script-clip__note">{built.omittedLines === 1 ? '1 line does not' : `${built.omittedLines} lines do not`} fit in the prompt; the clip keeps {built.omittedLines === 1 ? 'it' : 'them'} as captions.</p>}
      </div>
      <label className="script-clip__seconds">
        <IntegerInput className="input tabular" aria-label={`${label} duration in seconds`} value={clipSeconds(proposal)} min={apiRules.minDuration} max={apiRules.maxDuration} onCommit={onSeconds} />
        <span>s</span>
      </label>
      <div className="script-clip__actions">
        {talks && (
          <button type="button" className={`btn btn--ghost btn--icon btn--small${speak ? ' is-on' : ''}`} aria-pressed={speak} aria-label={`Speak the lines of ${label.toLowerCase()}`} title={speak ? 'The lines are in the prompt and sound is on — click to leave them out' : 'Put the lines in the prompt (sound on) so Kling speaks them'} onClick={() => onSpeak(!speak)}>
            <Volume2 size={14} strokeWidth={1.75} aria-hidden />
          </button>
        )}
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Split ${label.toLowerCase()}`} title={canSplit(proposal) ? 'Split in two' : 'Nothing to split: one sentence or one speech'} disabled={!canSplit(proposal)} onClick={onSplit}>
          <Scissors size={14} strokeWidth={1.75} aria-hidden />
        </button>
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Merge ${label.toLowerCase()} with the next`} title={canMerge ? 'Merge with the next clip (one shot each)' : `Nothing to merge with, or more than ${apiRules.maxShots} shots`} disabled={!canMerge} onClick={onMerge}>
          <Combine size={14} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
    </li>
  )
}
