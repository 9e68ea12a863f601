import { CircleAlert, CircleCheck, PenLine, TriangleAlert } from 'lucide-react'
import { summarizeIssues, type ValidationIssue } from '../../../../../shared/domain/validate-clip'
import { onlyQuietErrors } from './quiet-issues'
import { hasOwnField } from './use-clip-validation'

export function ValidationSummary({ issues }: { issues: readonly ValidationIssue[] }) {
  const summary = summarizeIssues(issues)
  const tone = onlyQuietErrors(issues) ? 'todo' : summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'ok'
  const Icon = tone === 'error' ? CircleAlert : tone === 'warning' ? TriangleAlert : tone === 'todo' ? PenLine : CircleCheck
  const headline = tone === 'todo' ? 'Write a prompt to generate' : summary.headline
  // Each problem is said once: at its field when it has one, here otherwise.
  const unplaced = issues.filter((issue) => !hasOwnField(issue))
  return (
    <section className={`validation-summary validation-summary--${tone}`} aria-label="Validation summary">
      <p className="validation-summary__headline">
        <Icon size={14} strokeWidth={1.75} aria-hidden /> {headline}
      </p>
      {unplaced.length > 0 && tone !== 'todo' && (
        <ul className="validation-summary__list">
          {unplaced.map((issue) => (
            <li key={`${issue.path}:${issue.rule}:${issue.message}`} className={`validation-summary__item validation-summary__item--${issue.severity}`}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
