/** Every rule `validateClip` checks; the UI may key help text or field highlights on these ids. */
export const validationRules = [
  'prompt_required',
  'prompt_too_long',
  'negative_prompt_too_long',
  'shot_count',
  'shot_prompt_required',
  'shot_prompt_too_long',
  'shot_duration',
  'shot_durations_sum',
  'duration_range',
  'mode_value',
  'aspect_ratio_value',
  'sound_value',
  'shot_type_value',
  'last_frame_needs_first',
  'images_and_elements_limit',
  'element_missing',
  'element_frontal_required',
  'element_reference_count',
  'element_token_out_of_range',
  'asset_missing',
  'image_format',
  'image_too_large',
  'image_too_small',
  'image_aspect',
  'elements_with_frames',
  'multi_shot_with_last_frame',
  'aspect_ratio_follows_first_frame',
  'image_token_out_of_range',
  'video_token_without_video',
  'video_source_missing',
  'video_facts_unknown',
  'video_duration',
  'video_size',
  'video_fps',
  'video_bytes',
  'video_with_sound',
  'video_multi_shot',
  'video_images_and_elements_limit',
  'instruction_required',
  'instruction_too_long',
] as const
export type ValidationRule = (typeof validationRules)[number]

export type ValidationIssue = {
  /** Field path inside the clip: `prompt`, `shots.2.prompt`, `elements.1.frontalImage`; indexes are 0-based. */
  path: string
  /** Plain words with the numbers a user needs to fix it; positions in it are 1-based. */
  message: string
  /** Errors block sending; warnings are rules from less certain sources that the API may or may not enforce. */
  severity: 'error' | 'warning'
  rule: ValidationRule
}

export const error = (rule: ValidationRule, path: string, message: string): ValidationIssue => ({ path, message, severity: 'error', rule })
export const warning = (rule: ValidationRule, path: string, message: string): ValidationIssue => ({ path, message, severity: 'warning', rule })

export function isClipSendable(issues: readonly ValidationIssue[]): boolean {
  return issues.every((issue) => issue.severity !== 'error')
}

export type IssueSummary = {
  errors: number
  warnings: number
  /** One line for a disabled Generate button or a status bar. */
  headline: string
  /** The first thing to fix, shown beside the headline. */
  firstError: ValidationIssue | null
}

export function summarizeIssues(issues: readonly ValidationIssue[]): IssueSummary {
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.length - errors.length
  const headline =
    errors.length > 0
      ? `${plural(errors.length, 'problem')} to fix before generating`
      : warnings > 0
        ? `Ready to generate, with ${plural(warnings, 'warning')}`
        : 'Ready to generate'
  return { errors: errors.length, warnings, headline, firstError: errors[0] ?? null }
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}
