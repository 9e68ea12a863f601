import { MousePointerClick } from 'lucide-react'
import { apiRules } from '../../../../shared/domain/api-rules'
import { usesShotDurations } from '../../../../shared/domain/shot-durations'
import { selectClipIndex, selectSelectedClip } from '../../store/selectors'
import { useStore } from '../../store/store'
import { ClipEditorHeader } from './ClipEditorHeader'
import { GenerateBar } from './GenerateBar'
import { PromptField } from './prompt/PromptField'
import { ShotList } from './shots/ShotList'
import { useTopOnNewClip } from './use-top-on-new-clip'
import { issuesAt, useClipValidation } from './validation/use-clip-validation'
import { ValidationSummary } from './validation/ValidationSummary'
import './clip-editor.css'
import { ChainNotice } from '../takes/chain/ChainNotice'
import { VideoReferenceNotice } from '../takes/next-shot/VideoReferenceNotice'
import { StaleNotice } from '../takes/stale/StaleNotice'
import { ScriptNotice } from '../script/notes/ScriptNotice'
import { CaptionsSection } from './captions/CaptionsSection'

export function ClipEditor() {
  const clip = useStore(selectSelectedClip)
  const index = useStore(selectClipIndex(clip?.id ?? ''))
  const issues = useClipValidation(clip)
  const fields = useTopOnNewClip<HTMLDivElement>(clip?.id ?? null)
  if (!clip) {
    return (
      <section className="clip-editor clip-editor--empty">
        <MousePointerClick size={20} strokeWidth={1.75} aria-hidden />
        <p>Select a clip in the timeline to write its prompt.</p>
      </section>
    )
  }
  const shots = usesShotDurations(clip)
  return (
    <section className="clip-editor" aria-label={`Clip ${index + 1}`}>
      <div className="clip-editor__fields" ref={fields}>
        <ClipEditorHeader clip={clip} number={index + 1} />
        <ChainNotice />
        <VideoReferenceNotice clip={clip} />
        <StaleNotice />
        <ScriptNotice clip={clip} />
        {shots ? (
          <ShotList clip={clip} issues={issues} />
        ) : (
          <PromptField
            label="Prompt"
            clip={clip}
            target={{ field: 'prompt' }}
            value={clip.prompt}
            max={apiRules.promptMaxChars}
            rows={5}
            placeholder="Describe the video: subject, action, camera, light. Type @ to reference an element."
            issues={issuesAt(issues, 'prompt')}
          />
        )}
        <PromptField
          label="Negative prompt"
          clip={clip}
          target={{ field: 'negativePrompt' }}
          value={clip.negativePrompt}
          max={apiRules.negativePromptMaxChars}
          rows={2}
          placeholder="What to avoid, e.g. blur, text, watermark"
          issues={issuesAt(issues, 'negativePrompt')}
        />
        {issues.length > 0 && <ValidationSummary issues={issues} />}
        <CaptionsSection clip={clip} />
      </div>
      <GenerateBar clip={clip} />
    </section>
  )
}
