/**
 * project.json is meant to live in git and backups, so the same project must always serialise to the same
 * bytes: keys are sorted at every level, arrays keep their order.
 */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`
}

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (value === null || typeof value !== 'object') return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key]
    if (child !== undefined) sorted[key] = sortKeysDeep(child)
  }
  return sorted
}
