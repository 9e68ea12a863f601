import { Lock } from 'lucide-react'
import { apiRules, aspectRatios, modes, shortModeLabel } from '../../../../shared/domain/api-rules'
import type { ClipPatch } from '../../../../shared/domain/edits-schema'
import { usesShotDurations } from '../../../../shared/domain/shot-durations'
import { selectSelectedClip } from '../../store/selectors'
import { useStore } from '../../store/store'
import { SegmentedControl } from '../../ui/SegmentedControl'
import { FieldIssues } from '../clip-editor/validation/FieldIssues'
import { issuesAt, useClipValidation } from '../clip-editor/validation/use-clip-validation'
import { BulkGenerate } from '../queue/BulkGenerate'
import { SelectionSummary } from './selection/SelectionSummary'
import { CostEstimate } from './CostEstimate'
import { DurationField } from './DurationField'
import './inspector.css'

const modeOptions = modes.map((mode) => ({ value: mode, label: shortModeLabel(mode) }))
const aspectOptions = aspectRatios.map((ratio) => ({ value: ratio, label: ratio }))

export function Inspector() {
  const clip = useStore(selectSelectedClip)
  const edit = useStore((s) => s.edit)
  const issues = useClipValidation(clip)
  if (!clip) {
    return (
      <section className="panel-section inspector" aria-label="Inspector">
        <div className="panel-heading"><span className="caps-label">Inspector</span></div>
        <p className="panel-section__body empty-note">Select a clip to set its mode, shape and length.</p>
      </section>
    )
  }
  const update = (patch: ClipPatch) => edit({ type: 'updateClip', clipId: clip.id, patch })
  const aspectLocked = clip.firstFrameAssetId !== null
  return (
    <section className="panel-section inspector" aria-label="Inspector">
      <div className="panel-heading"><span className="caps-label">Inspector</span></div>
      <div className="panel-section__body">
        <SelectionSummary>
          <BulkGenerate />
        </SelectionSummary>
        <div className="inspector__row">
          <span className="inspector__label" id="inspector-mode">Quality</span>
          <SegmentedControl labelledBy="inspector-mode" options={modeOptions} value={clip.mode} onChange={(mode) => update({ mode })} />
        </div>
        <div className="inspector__row">
          <span className="inspector__label" id="inspector-aspect">Aspect ratio</span>
          <SegmentedControl
            labelledBy="inspector-aspect"
            options={aspectOptions}
            value={clip.aspectRatio}
            disabled={aspectLocked}
            onChange={(aspectRatio) => update({ aspectRatio })}
          />
        </div>
        {aspectLocked && (
          <p className="inspector__note">
            <Lock size={12} strokeWidth={2} aria-hidden /> The first frame sets the shape: Kling follows the image's proportions.
          </p>
        )}
        <FieldIssues issues={issuesAt(issues, 'aspectRatio')} />
        <DurationField
          key={clip.id}
          value={clip.duration}
          fromShots={usesShotDurations(clip)}
          onChange={(duration) => {
            update({ duration })
            return useStore.getState().doc?.clips.find((c) => c.id === clip.id)?.duration ?? duration
          }}
          min={apiRules.minDuration}
          max={apiRules.maxDuration}
        />
        <FieldIssues issues={issuesAt(issues, 'duration')} />
        <div className="inspector__row">
          <span className="inspector__label" id="inspector-sound">Sound</span>
          <button
            type="button"
            role="switch"
            className="switch"
            aria-labelledby="inspector-sound"
            aria-checked={clip.sound === 'on'}
            onClick={() => update({ sound: clip.sound === 'on' ? 'off' : 'on' })}
          />
        </div>
        <CostEstimate clip={clip} />
      </div>
    </section>
  )
}
