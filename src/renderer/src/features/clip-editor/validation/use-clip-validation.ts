import { useMemo } from 'react'
import type { Clip, Take } from '../../../../../shared/domain/project'
import { validateClip, type ValidationIssue } from '../../../../../shared/domain/validate-clip'
import { selectAssets, selectElements } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { isQuietIssue } from './quiet-issues'

const noTakes: readonly Take[] = []

/** The takes a clip's rules need: a next shot's source take; other clips need none and ignore take updates. */
export function useTakesToValidate(clip: Clip | null): readonly Take[] {
  return useStore((s) => (clip?.videoReference ? s.takes : noTakes))
}

export function useClipValidation(clip: Clip | null): ValidationIssue[] {
  const assets = useStore(selectAssets)
  const elements = useStore(selectElements)
  const takes = useTakesToValidate(clip)
  return useMemo(() => (clip ? validateClip(clip, { assets, elements, takes }) : []), [clip, assets, elements, takes])
}

/** Issues shown beside a field; a missing prompt is left to the summary and the Generate button. */
export function issuesAt(issues: readonly ValidationIssue[], path: string): ValidationIssue[] {
  return issues.filter((issue) => issue.path === path && !isQuietIssue(issue))
}

const FIELD_PATHS = /^(prompt|negativePrompt|aspectRatio|duration|shots|shots\.\d+\.(prompt|duration))$/

/** Whether an issue is already shown beside its own field, so the summary need not say it again. */
export function hasOwnField(issue: ValidationIssue): boolean {
  return FIELD_PATHS.test(issue.path) && !isQuietIssue(issue)
}
