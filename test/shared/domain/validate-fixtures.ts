import type { Asset, Clip, Element, Project } from '../../../src/shared/domain/project'
import type { ValidationIssue, ValidationRule } from '../../../src/shared/domain/validate-clip'
import { asset, clip } from './fixtures'

/** A library in which element `e1` meets every rule, plus whatever a test adds. */
export function library(extra: { assets?: Asset[]; elements?: Element[] } = {}): Pick<Project, 'assets' | 'elements'> {
  const frontal = asset()
  const reference = asset()
  return {
    assets: [frontal, reference, ...(extra.assets ?? [])],
    elements: [{ id: 'e1', name: 'Hero', frontalAssetId: frontal.id, referenceAssetIds: [reference.id] }, ...(extra.elements ?? [])],
  }
}

/** A single-prompt clip that passes every rule. */
export function validClip(overrides: Partial<Clip> = {}): Clip {
  return clip('a', { prompt: 'A red kite over the sea', ...overrides })
}

export function validElement(id: string, lib: Pick<Project, 'elements'>): Element {
  return { ...lib.elements[0]!, id, name: id }
}

export const rulesOf = (issues: ValidationIssue[]): ValidationRule[] => issues.map((issue) => issue.rule)
export const only = (issues: ValidationIssue[], rule: ValidationRule): ValidationIssue[] => issues.filter((i) => i.rule === rule)
