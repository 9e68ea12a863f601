import { useMemo } from 'react'
import type { EditRequest } from '../../../../../shared/domain/edit-request'
import { validateEdit } from '../../../../../shared/domain/validate-edit'
import type { ValidationIssue } from '../../../../../shared/domain/validation-issue'
import { selectAssets, selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'

/** The edit's pre-flight as the user types: the same rules main checks before it queues the edit. */
export function useEditValidation(request: EditRequest): ValidationIssue[] {
  const assets = useStore(selectAssets)
  const elements = useStore(selectElements)
  const takes = useStore((s) => s.takes)
  const key = JSON.stringify(request)
  return useMemo(() => validateEdit(JSON.parse(key) as EditRequest, { assets, elements, takes }), [key, assets, elements, takes])
}

/** Issues beside one field; an empty instruction is said by the button, not in red before anything is typed. */
export function fieldIssues(issues: readonly ValidationIssue[], path: string): ValidationIssue[] {
  return issues.filter((issue) => issue.path === path && issue.rule !== 'instruction_required')
}
