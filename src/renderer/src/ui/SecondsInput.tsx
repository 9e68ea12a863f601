import { useState, type InputHTMLAttributes } from 'react'
import { formatSeconds } from '../../../shared/captions/caption-timing'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number
  max: number
  onCommit: (seconds: number) => void
}

/**
 * A time in seconds with decimals ("1.25"): a local draft while focused, committed (to the millisecond) when the
 * field is left or Enter is pressed; a value that is not a time in 0–max goes back to what it was.
 */
export function SecondsInput({ value, max, onCommit, onBlur, onKeyDown, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  function settle() {
    const typed = Number((draft ?? '').replace(',', '.'))
    if (draft !== null && draft.trim() !== '' && Number.isFinite(typed) && typed >= 0 && typed <= max) {
      const seconds = Math.round(typed * 1000) / 1000
      if (seconds !== value) onCommit(seconds)
    }
    setDraft(null)
  }
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      value={draft ?? formatSeconds(value)}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle()
        if (e.key === 'Escape') setDraft(null)
        onKeyDown?.(e)
      }}
      onBlur={(e) => {
        settle()
        onBlur?.(e)
      }}
    />
  )
}
