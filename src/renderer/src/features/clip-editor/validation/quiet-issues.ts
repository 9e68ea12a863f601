import type { ValidationIssue } from '../../../../../shared/domain/validate-clip'

/**
 * An empty prompt on a fresh clip is a next step, not a mistake: it still blocks Generate, but it is said
 * calmly instead of painting an untouched form red.
 */
export function isQuietIssue(issue: ValidationIssue): boolean {
  return issue.rule === 'prompt_required' || issue.rule === 'shot_prompt_required'
}

export function onlyQuietErrors(issues: readonly ValidationIssue[]): boolean {
  const errors = issues.filter((i) => i.severity === 'error')
  return errors.length > 0 && errors.every(isQuietIssue)
}
