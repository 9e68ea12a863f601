import { z } from 'zod'

/**
 * Limits for the free-form JSON a project keeps (a take's request snapshot, fields a newer Omniboard wrote). Such a
 * value has no schema of its own, and one from a hostile project.json must not open only to fail later: saving and
 * the structured clone to the window recurse, so a deep enough value overflows the stack. Far above what Omniboard
 * writes (a request nests 4 levels; a prompt is capped at 100,000 characters).
 */
export const jsonLimits = { maxDepth: 32, maxStringChars: 100_000, maxEntries: 10_000 } as const

/** Free text in a project file (a prompt, an error, a script's words): capped only to keep a hostile file small. */
export const BoundedTextSchema = z.string().max(jsonLimits.maxStringChars)

/**
 * What about `value` breaks the limits, in words (`is nested more than 32 levels deep`), or null. Walks with its
 * own stack, not recursion, so the check itself cannot overflow on what it refuses.
 */
export function jsonLimitProblem(value: unknown): string | null {
  const { maxDepth, maxStringChars, maxEntries } = jsonLimits
  const pending: [item: unknown, depth: number][] = [[value, 0]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next
    if (typeof item === 'string' && item.length > maxStringChars) return `has a text longer than ${maxStringChars} characters`
    if (typeof item !== 'object' || item === null) continue
    if (depth === maxDepth) return `is nested more than ${maxDepth} levels deep`
    if ((Array.isArray(item) ? item.length : Object.keys(item).length) > maxEntries) return `has more than ${maxEntries} entries in one list or object`
    // Keys are checked as texts too: a 10 MB key is as large as a 10 MB value.
    for (const child of Array.isArray(item) ? item : Object.entries(item).flat()) pending.push([child, depth + 1])
  }
  return null
}

const withinJsonLimits = (value: unknown, ctx: z.RefinementCtx) => {
  const problem = jsonLimitProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
}

/** Any JSON value within `jsonLimits`. */
export const BoundedJsonSchema = z.unknown().superRefine(withinJsonLimits)
/** A JSON object within `jsonLimits`, such as a take's request snapshot. */
export const BoundedJsonObjectSchema = z.record(z.string(), z.unknown()).superRefine(withinJsonLimits)
