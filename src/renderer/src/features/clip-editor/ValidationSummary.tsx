import { CircleAlert, CircleCheck, TriangleAlert } from 'lucide-react'
import { summarizeIssues, type ValidationIssue } from '../../../../shared/domain/validate-clip'

export function ValidationSummary({ issues }: { issues: readonly ValidationIssue[] }) {
  const summary = summarizeIssues(issues)
  const tone = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'ok'
  const Icon = tone === 'error' ? CircleAlert : tone === 'warning' ? TriangleAlert : CircleCheck
  return (
    <section className={`validation-summary validation-summary--${tone}`} aria-label="Validation summary">
      <p className="validation-summary__headline">
        <Icon size={14} strokeWidth={1.75} aria-hidden /> {summary.headline}
      </p>
      {issues.length > 0 && (
        <ul className="validation-summary__list">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.rule}:${issue.message}`} className={`validation-summary__item validation-summary__item--${issue.severity}`}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
