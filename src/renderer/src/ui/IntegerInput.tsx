import { useState, type InputHTMLAttributes } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number
  min: number
  max: number
  onCommit: (value: number) => void
}

/**
 * A whole-number field that lets the user clear it and type freely: the text is a local draft while focused,
 * and each keystroke that forms a number within range is committed at once.
 */
export function IntegerInput({ value, min, max, onCommit, onFocus, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null)
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
      onBlur={(e) => {
        setDraft(null)
        onBlur?.(e)
      }}
    />
  )
}
