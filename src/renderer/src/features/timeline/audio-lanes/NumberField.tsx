import { useState } from 'react'

type Props = { label: string; value: number; min: number; max: number; step?: number; unit: string; onCommit: (value: number) => void; testId?: string }

/** A number with its unit, committed on Enter or leaving the field (one undo step), kept inside its range. */
export function NumberField({ label, value, min, max, step = 0.5, unit, onCommit, testId }: Props) {
  // What is being typed; null shows the value itself (which undo or another window may change).
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? format(value)
  const commit = (): void => {
    const parsed = Number(text)
    setDraft(null)
    if (text.trim() === '' || !Number.isFinite(parsed)) return
    const next = Math.min(max, Math.max(min, parsed))
    if (next !== value) onCommit(next)
  }
  return (
    <label className="sound-field">
      <span className="sound-field__label">{label}</span>
      <input
        type="number"
        className="sound-field__input tabular"
        value={text}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="sound-field__unit">{unit}</span>
    </label>
  )
}

const format = (value: number): string => String(Math.round(value * 100) / 100)
