import { apiRules } from './api-rules'
import { elementTokenNumbers } from './element-tokens'
import type { Clip } from './project'
import { usesShotDurations, sumDurations } from './shot-durations'
import { error, plural, type ValidationIssue } from './validation-issue'

type PromptClip = Pick<Clip, 'prompt' | 'negativePrompt' | 'multiShot' | 'shotType' | 'shots' | 'elementIds' | 'duration'>

/** With customize multi-shot the API ignores `prompt`, so it is neither required nor checked there. */
export function sendsSinglePrompt(clip: Pick<Clip, 'multiShot' | 'shotType'>): boolean {
  return !usesShotDurations(clip)
}

export function validatePrompts(clip: PromptClip): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  if (sendsSinglePrompt(clip)) {
    if (clip.prompt.trim() === '') {
      const why = clip.multiShot ? 'Intelligent multi-shot writes its shots from the prompt' : 'The API needs a prompt'
      issues.push(error('prompt_required', 'prompt', `${why} — describe the video.`))
    }
    issues.push(...lengthIssue('prompt_too_long', 'prompt', 'The prompt', clip.prompt, apiRules.promptMaxChars))
    issues.push(...tokenIssues('prompt', 'The prompt', clip.prompt, clip.elementIds.length))
  }
  issues.push(
    ...lengthIssue('negative_prompt_too_long', 'negativePrompt', 'The negative prompt', clip.negativePrompt, apiRules.negativePromptMaxChars),
  )
  issues.push(...tokenIssues('negativePrompt', 'The negative prompt', clip.negativePrompt, clip.elementIds.length))
  if (usesShotDurations(clip)) issues.push(...validateShots(clip))
  return issues
}

function validateShots(clip: PromptClip): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const count = clip.shots.length
  if (count < apiRules.minShots) {
    issues.push(error('shot_count', 'shots', 'A multi-shot clip needs at least one shot. Add a shot or turn multi-shot off.'))
  } else if (count > apiRules.maxShots) {
    const over = count - apiRules.maxShots
    issues.push(
      error('shot_count', 'shots', `This clip has ${count} shots — the limit is ${apiRules.maxShots}. Remove ${over}.`),
    )
  }
  clip.shots.forEach((shot, i) => {
    const name = `Shot ${i + 1}`
    const path = `shots.${i}`
    if (shot.prompt.trim() === '') issues.push(error('shot_prompt_required', `${path}.prompt`, `${name} needs a prompt.`))
    issues.push(...lengthIssue('shot_prompt_too_long', `${path}.prompt`, `${name}'s prompt`, shot.prompt, apiRules.shotPromptMaxChars))
    issues.push(...tokenIssues(`${path}.prompt`, `${name}'s prompt`, shot.prompt, clip.elementIds.length))
    if (!Number.isInteger(shot.duration) || shot.duration < apiRules.minShotDuration) {
      issues.push(
        error('shot_duration', `${path}.duration`, `${name} lasts ${shot.duration} s — each shot needs a whole number of seconds, at least ${apiRules.minShotDuration}.`),
      )
    }
  })
  const sum = sumDurations(clip.shots.map((s) => s.duration))
  if (count > 0 && sum !== clip.duration) {
    const gap = Math.abs(clip.duration - sum)
    const fix = sum < clip.duration ? `Add ${gap} s to a shot or shorten the clip.` : `Take ${gap} s from a shot or lengthen the clip.`
    issues.push(error('shot_durations_sum', 'shots', `The shots add up to ${sum} s but the clip is ${clip.duration} s. ${fix}`))
  }
  return issues
}

function lengthIssue(rule: 'prompt_too_long' | 'negative_prompt_too_long' | 'shot_prompt_too_long', path: string, subject: string, text: string, max: number): ValidationIssue[] {
  if (text.length <= max) return []
  const count = (n: number) => n.toLocaleString('en-US')
  return [
    error(rule, path, `${subject} is ${count(text.length)} characters — the limit is ${count(max)}. Cut ${count(text.length - max)}.`),
  ]
}

/** The API numbers elements from 1 in list order, so a token past the clip's list names nothing. */
export function tokenIssues(path: string, subject: string, text: string, elementCount: number): ValidationIssue[] {
  const bad = [...new Set(elementTokenNumbers(text))].filter((n) => n < 1 || n > elementCount)
  return bad.map((n) =>
    error(
      'element_token_out_of_range',
      path,
      n < 1
        ? `${subject} refers to element ${n}, but elements are numbered from 1.`
        : `${subject} refers to element ${n}, but this clip has ${plural(elementCount, 'element')}. Attach it or remove the reference.`,
    ),
  )
}
