import { useState, type InputHTMLAttributes } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number
  min: number
  max: number
  onCommit: (value: number) => void
  /** A number outside min–max was typed and the field left: the caller picks the value and says why. */
  onOutOfRange?: (typed: number) => void
}

/**
 * A whole-number field that lets the user clear it and type freely: the text is a local draft while focused,
 * and each keystroke that forms a number within range is committed at once.
 */
export function IntegerInput({ value, min, max, onCommit, onOutOfRange, onFocus, onBlur, onKeyDown, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  function settle(text: string | null) {
    const typed = Math.trunc(Number(text))
    if (text !== null && text.trim() !== '' && Number.isFinite(typed) && (typed < min || typed > max)) onOutOfRange?.(typed)
  }
  return (
    <input
      {...rest}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={draft ?? String(value)}
      onFocus={(e) => {
        setDraft(String(value))
        onFocus?.(e)
      }}
      onChange={(e) => {
        setDraft(e.target.value)
        const next = Number(e.target.value)
        if (e.target.value !== '' && Number.isInteger(next) && next >= min && next <= max && next !== value) onCommit(next)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          settle(draft)
          setDraft(null)
        }
        onKeyDown?.(e)
      }}
      onBlur={(e) => {
        settle(draft)
        setDraft(null)
        onBlur?.(e)
      }}
    />
  )
}
