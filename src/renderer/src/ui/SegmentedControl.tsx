import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export type SegmentOption<T extends string> = { value: T; label: ReactNode; title?: string }

type Props<T extends string> = {
  options: readonly SegmentOption<T>[]
  value: T
  onChange: (value: T) => void
  /** The group's name: a visible label's id, or the words themselves. */
  labelledBy?: string
  label?: string
  disabled?: boolean
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * One choice out of a few, side by side: a radio group. As the ARIA radio-group pattern has it, Tab reaches the
 * group once (on the chosen option), the arrow keys move and choose at once, wrapping, and Home/End jump.
 */
export function SegmentedControl<T extends string>({ options, value, onChange, labelledBy, label, disabled = false }: Props<T>) {
  const group = useRef<HTMLDivElement>(null)
  const current = options.findIndex((option) => option.value === value)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const count = options.length
    const at = Math.max(0, current)
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : STEP[event.key] === undefined ? null : (at + STEP[event.key]! + count) % count
    if (next === null || disabled || count === 0) return
    event.preventDefault()
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus()
    if (next !== current) onChange(options[next]!.value)
  }

  return (
    <div ref={group} className="segmented" role="radiogroup" aria-labelledby={labelledBy} aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option, index) => {
        const checked = index === current
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked || (current === -1 && index === 0) ? 0 : -1}
            title={option.title}
            disabled={disabled}
            onClick={() => !checked && onChange(option.value)}
          >
            {option.label}
          </button>
        )
      })}
    </div>
  )
}
