import { apiRules } from './api-rules'
import type { EditRequest } from './edit-request'
import type { Project } from './project'
import { validateElementList } from './validate-clip'
import { tokenIssues } from './validate-prompts'
import { referenceImageIssues, referenceTokenIssues } from './validate-references'
import { validateVideoSource, videoImageLimit, videoSourceLabel } from './validate-video'
import { error, type ValidationIssue } from './validation-issue'

const chars = (text: string): number => [...text].length
const count = (n: number): string => n.toLocaleString('en-US')

/**
 * Every rule of video-to-video/edit, checked before the edit is queued and shown in its editor: an instruction,
 * a source video within Kling's rules, at most 4 images and elements, and the usual image and element rules.
 * An edit has no frames, duration or sound of its own, so those rules cannot be broken by one.
 */
export function validateEdit(edit: EditRequest, project: Pick<Project, 'assets' | 'elements' | 'takes'>): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const length = chars(edit.instruction)
  if (edit.instruction.trim() === '') issues.push(error('instruction_required', 'instruction', 'Say what to change, e.g. "add falling snow".'))
  if (length > apiRules.promptMaxChars) {
    issues.push(error('instruction_too_long', 'instruction', `The instruction is ${count(length)} characters — the limit is ${count(apiRules.promptMaxChars)}. Cut ${count(length - apiRules.promptMaxChars)}.`))
  }
  const negative = chars(edit.negativePrompt)
  if (negative > apiRules.negativePromptMaxChars) {
    issues.push(error('negative_prompt_too_long', 'negativePrompt', `The negative prompt is ${count(negative)} characters — the limit is ${count(apiRules.negativePromptMaxChars)}.`))
  }
  const source = edit.source
  const take = source.kind === 'take' ? project.takes.find((candidate) => candidate.id === source.takeId) : undefined
  if (take && take.clipId !== edit.clipId) {
    issues.push(error('video_source_missing', 'source', `${videoSourceLabel(source, project.takes)} belongs to another clip; an edit is a take of its source's clip.`))
  } else {
    issues.push(...validateVideoSource(source, project.takes, 'an edit', 'source'))
  }
  const texts = [
    { path: 'instruction', subject: 'The instruction', text: edit.instruction },
    { path: 'negativePrompt', subject: 'The negative prompt', text: edit.negativePrompt },
  ]
  issues.push(...texts.flatMap(({ path, subject, text }) => tokenIssues(path, subject, text, edit.elementIds.length)))
  issues.push(...referenceTokenIssues(texts, edit.referenceImageIds.length, true))
  issues.push(...videoImageLimit(edit.referenceImageIds.length, edit.elementIds.length, 'elements'))
  issues.push(...referenceImageIssues(edit.referenceImageIds, project.assets))
  issues.push(...validateElementList(edit.elementIds, project))
  return issues
}
