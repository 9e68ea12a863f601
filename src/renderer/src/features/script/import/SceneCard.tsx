import { canMergeWithNext, clipSeconds, mergeWithNext, setClipSeconds, setClipSpeak, setSceneIncluded, speaks, splitClip, type Breakdown, type SceneProposal } from '../../../../../shared/script/breakdown'
import { pageLength, sceneLabel, type BuiltClip, type CastMember } from '../../../../../shared/script/script-clips'
import { ProposedClipRow } from './ProposedClipRow'

type Props = {
  proposal: SceneProposal
  breakdown: Breakdown
  built: ReadonlyMap<string, BuiltClip>
  cast: readonly CastMember[]
  onChange: (breakdown: Breakdown) => void
}

/** A scene as the breakdown proposes it: chosen or not, its heading, number and length, and its clips. */
export function SceneCard({ proposal, breakdown, built, cast, onChange }: Props) {
  const { scene, include, clips } = proposal
  const key = scene.key
  const seconds = clips.reduce((sum, clip) => sum + clipSeconds(clip), 0)
  return (
    <section className={`script-scene${include ? '' : ' script-scene--skipped'}`} aria-label={`Scene ${sceneLabel(scene)}`}>
      <header className="script-scene__header">
        <input type="checkbox" aria-label={`Import scene ${sceneLabel(scene)}`} checked={include} onChange={(e) => onChange(setSceneIncluded(breakdown, key, e.target.checked))} />
        {scene.number && <span className="script-scene__number tabular">{scene.number}</span>}
        <h3 className="script-scene__heading">{scene.heading || 'Opening'}</h3>
        <span className="script-scene__meta tabular">
          p. {scene.page} · {pageLength(scene.eighths)} · {clips.length === 1 ? '1 clip' : `${clips.length} clips`} · {seconds} s
        </span>
      </header>
      {include && (
        <ol className="script-scene__clips">
          {clips.map((clip, i) => (
            <ProposedClipRow
              key={clip.id}
              part={i + 1}
              proposal={clip}
              built={built.get(clip.id)}
              cast={cast}
              speak={speaks(breakdown, clip)}
              canMerge={canMergeWithNext(clips, i)}
              onSeconds={(value) => onChange(setClipSeconds(breakdown, key, clip.id, value))}
              onSpeak={(value) => onChange(setClipSpeak(breakdown, key, clip.id, value))}
              onSplit={() => onChange(splitClip(breakdown, key, clip.id))}
              onMerge={() => onChange(mergeWithNext(breakdown, key, clip.id))}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
