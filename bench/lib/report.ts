/** One measured goal: what was promised, what this run measured, and how. */
export type Figure = {
  id: string
  area: 'encode' | 'upload' | 'cli' | 'import' | 'open' | 'edit' | 'drag' | 'media' | 'save' | 'export' | 'film' | 'queue'
  goal: string
  /** The number compared with the goal; null when it could not be measured in this run. */
  measured: number | null
  unit: string
  pass: boolean | null
  method: string
  details?: Record<string, unknown>
  note?: string
}

export type GoalCheck = { max: number } | { min: number }

export function figure(fields: Omit<Figure, 'pass'>, check: GoalCheck): Figure {
  const measured = fields.measured === null || !Number.isFinite(fields.measured) ? null : fields.measured
  const pass = measured === null ? null : 'max' in check ? measured <= check.max : measured >= check.min
  const note = measured === null && fields.note === undefined ? 'could not be measured in this run (see details)' : fields.note
  return { ...fields, measured, pass, ...(note === undefined ? {} : { note }) }
}

export function notMeasured(fields: Omit<Figure, 'pass' | 'measured'>, reason: string): Figure {
  return { ...fields, measured: null, pass: null, note: reason }
}

const verdict = (f: Figure): string => (f.pass === null ? 'N/A' : f.pass ? 'PASS' : 'FAIL')

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.id, f.goal, f.measured === null ? '—' : `${f.measured} ${f.unit}`, verdict(f)])
  const header = ['benchmark', 'goal', 'measured', 'result']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note}`)
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ...(notes.length > 0 ? ['', 'notes:', ...notes] : [])].join('\n')
}
