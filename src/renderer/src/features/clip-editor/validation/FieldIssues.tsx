import { CircleAlert, TriangleAlert } from 'lucide-react'
import type { ValidationIssue } from '../../../../../shared/domain/validate-clip'

export function FieldIssues({ id, issues }: { id?: string; issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null
  return (
    <ul className="field-issues" id={id}>
      {issues.map((issue) => {
        const Icon = issue.severity === 'error' ? CircleAlert : TriangleAlert
        return (
          <li key={`${issue.rule}:${issue.message}`} className={`field-issue field-issue--${issue.severity}`}>
            <Icon size={14} strokeWidth={1.75} aria-hidden />
            <span>{issue.message}</span>
          </li>
        )
      })}
    </ul>
  )
}
