import { Sparkles, Wand2 } from 'lucide-react'
import { useEffect, useId, useState } from 'react'
import { apiRules, modes, shortModeLabel } from '../../../../../shared/domain/api-rules'
import { formatUsd } from '../../../../../shared/domain/cost'
import type { EditRequest } from '../../../../../shared/domain/edit-request'
import { newId } from '../../../../../shared/domain/ids'
import type { Take } from '../../../../../shared/domain/project'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import { invoke } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { SegmentedControl } from '../../../ui/SegmentedControl'
import { ChipPromptField } from '../../clip-editor/prompt/ChipPromptField'
import { FieldIssues } from '../../clip-editor/validation/FieldIssues'
import { VideoUrlField } from '../video-source/VideoUrlField'
import { EditPlanSummary } from './EditPlanSummary'
import { EditReferences } from './EditReferences'
import { EditSourceLine } from './EditSourceLine'
import { useEditTakeStore } from './edit-take-store'
import { editBlock } from './edit-block'
import { useEditPlan } from './use-edit-plan'
import { fieldIssues, useEditValidation } from './use-edit-validation'
import './take-edit.css'

type Draft = Omit<EditRequest, 'clipId'>
const modeOptions = modes.map((mode) => ({ value: mode, label: shortModeLabel(mode) }))

/** Mounted once beside the take list; shows the Edit… dialog for the take it was opened on. */
export function EditTakeHost() {
  const takeId = useEditTakeStore((s) => s.takeId)
  const take = useStore((s) => (takeId ? s.takes.find((t) => t.id === takeId) : undefined))
  return take ? <EditTakeDialog key={take.id} take={take} /> : null
}

/**
 * Edit a finished take by instruction (video-to-video/edit): the result is a new take of the same clip, as long as
 * its source. Main prices and checks the draft as it changes; Generate sends it as one action.
 */
function EditTakeDialog({ take }: { take: Take }) {
  const close = useEditTakeStore((s) => s.close)
  const takes = useStore((s) => s.takes)
  const clip = useStore((s) => s.doc?.clips.find((c) => c.id === take.clipId))
  const number = takeNumberOf(takes, take.id) ?? 0
  const soundId = useId()
  const modeId = useId()
  const [draft, setDraft] = useState<Draft>(() => ({
    source: { kind: 'take', takeId: take.id },
    instruction: '',
    negativePrompt: '',
    keepOriginalSound: true,
    mode: clip?.mode ?? 'pro',
    referenceImageIds: [],
    elementIds: [],
  }))
  // One dialog is one action: a second press (or a retry after a lost answer) gets the same take back.
  const [actionId] = useState(newId)
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<string | null>(null)
  const request: EditRequest = { clipId: take.clipId, ...draft }
  const { plan, error } = useEditPlan(request, take.videoFacts)
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  // The rules need the take's length, frame size and rate: probe its file once if that was never done.
  useEffect(() => {
    if (!take.videoFacts) void invoke('takes:videoFacts', { takeId: take.id })
  }, [take.id, take.videoFacts])

  const issues = useEditValidation(request)
  const block = editBlock(issues, plan, error)
  async function generate() {
    if (block || sending) return
    setSending(true)
    const result = await invoke('generation:edit', { ...request, actionId })
    setSending(false)
    if (!result.ok) return setSendError(`${result.error.message} ${result.error.hint}`.trim())
    useStore.getState().upsertTake(result.value)
    useStore.getState().pushToast({ tone: 'success', message: `Edit of take ${number} queued as a new take.` })
    close()
  }

  const source = { elementIds: draft.elementIds, referenceImageIds: draft.referenceImageIds, video: draft.source }
  const estimate = plan?.items[0]?.estimateUsd
  return (
    <Dialog
      title={`Edit take ${number}`}
      onClose={close}
      width={640}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>Cancel</button>
          <button type="button" className="btn btn--primary" aria-disabled={block !== null || sending} title={block ?? undefined} onClick={() => void generate()}>
            <Sparkles size={16} strokeWidth={1.75} aria-hidden /> {sending ? 'Sending…' : estimate !== undefined ? `Generate edit · ≈ ${formatUsd(estimate)}` : 'Generate edit'}
          </button>
        </>
      }
    >
      <EditSourceLine take={take} number={number} source={draft.source} />
      <FieldIssues issues={fieldIssues(issues, 'source').filter((issue) => issue.rule !== 'video_facts_unknown' || draft.source.kind === 'url')} />
      <ChipPromptField
        label="Instruction"
        source={source}
        value={draft.instruction}
        max={apiRules.promptMaxChars}
        rows={3}
        placeholder="What to change, e.g. add falling snow. Type @ to name the video, an image or an element."
        issues={fieldIssues(issues, 'instruction')}
        onText={(instruction) => update({ instruction })}
        onInsert={(choice, instruction) =>
          update({ instruction, ...(choice.kind === 'element' && !choice.attached ? { elementIds: [...draft.elementIds, choice.element.id] } : {}) })
        }
      />
      <ChipPromptField
        label="Negative prompt (optional)"
        source={source}
        value={draft.negativePrompt}
        max={apiRules.negativePromptMaxChars}
        rows={2}
        placeholder="What to avoid, e.g. blur, text"
        issues={fieldIssues(issues, 'negativePrompt')}
        onText={(negativePrompt) => update({ negativePrompt })}
        onInsert={(_, negativePrompt) => update({ negativePrompt })}
      />
      <div className="edit-take__row">
        <span className="inspector__label" id={modeId}>Quality</span>
        <SegmentedControl labelledBy={modeId} options={modeOptions} value={draft.mode} onChange={(mode) => update({ mode })} />
        <span className="inspector__label edit-take__sound-label" id={soundId}>Keep the take’s sound</span>
        <button type="button" role="switch" className="switch" aria-labelledby={soundId} aria-checked={draft.keepOriginalSound} onClick={() => update({ keepOriginalSound: !draft.keepOriginalSound })} />
      </div>
      <EditReferences
        issues={issues.filter((issue) => /^(referenceImages|elements)/.test(issue.path))}
        imageIds={draft.referenceImageIds}
        elementIds={draft.elementIds}
        onImages={(referenceImageIds) => update({ referenceImageIds })}
        onElements={(elementIds) => update({ elementIds })}
      />
      <details className="edit-take__link" open={draft.source.kind === 'url'}>
        <summary>
          <Wand2 size={12} strokeWidth={2} aria-hidden /> Edit from a link instead (MuleRouter no longer has the take, or your own footage)
        </summary>
        <VideoUrlField
          current={draft.source.kind === 'url' && draft.source.facts ? { url: draft.source.url, facts: draft.source.facts } : null}
          onChecked={({ url, facts }) => update({ source: { kind: 'url', url, facts } })}
        />
        {draft.source.kind === 'url' && (
          <button type="button" className="btn btn--small btn--ghost" onClick={() => update({ source: { kind: 'take', takeId: take.id } })}>
            Use take {number} again
          </button>
        )}
      </details>
      <EditPlanSummary plan={plan} error={error ?? sendError} shown={issues.map((issue) => issue.message)} />
    </Dialog>
  )
}
