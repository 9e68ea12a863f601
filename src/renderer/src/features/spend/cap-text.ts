import { MAX_CAP_USD } from '../../../../shared/domain/spend'

// A budget cap as the text of its field: parsed from what the user typed, and shown back.

export type ParsedCap = { ok: true; capUsd: number | null } | { ok: false; message: string }

/** A cap as typed: empty is no cap; "$20", "20.50" and "1,000" are dollars. */
export function parseCap(text: string): ParsedCap {
  const cleaned = text.replace(/[$,\s]/g, '')
  if (cleaned === '') return { ok: true, capUsd: null }
  const capUsd = Number(cleaned)
  if (!Number.isFinite(capUsd) || !/^\d*\.?\d*$/.test(cleaned)) return { ok: false, message: 'Enter an amount in dollars, like 20 or 12.50, or leave it empty for no cap.' }
  if (capUsd <= 0) return { ok: false, message: 'A cap must be more than $0. Leave it empty for no cap.' }
  if (capUsd > MAX_CAP_USD) return { ok: false, message: `A cap can be at most $${MAX_CAP_USD.toLocaleString('en-US')}.` }
  return { ok: true, capUsd: Math.round(capUsd * 100) / 100 }
}

export const capText = (capUsd: number | null): string => (capUsd === null ? '' : String(capUsd))
