import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

type Props = {
  label: string
  area: string
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** +1 when moving the pointer right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1
  onChange: (value: number) => void
  onCommit: (value: number) => void
}

/** A WAI-ARIA window splitter: drag with the pointer, or focus it and use the arrow keys. */
export function Splitter({ label, area, orientation, value, min, max, direction, onChange, onCommit }: Props) {
  const start = useRef<{ pointer: number; value: number } | null>(null)
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)))
  const axis = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY)

  function onKeyDown(e: KeyboardEvent) {
    const step = e.shiftKey ? 40 : 10
    const keys = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown']
    const sign = e.key === keys[0] ? -1 : e.key === keys[1] ? 1 : 0
    if (sign === 0) return
    e.preventDefault()
    e.stopPropagation()
    const next = clamp(value + sign * direction * step)
    onChange(next)
    onCommit(next)
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`splitter splitter--${orientation}`}
      style={{ gridArea: area }}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        start.current = { pointer: axis(e), value }
      }}
      onPointerMove={(e) => {
        if (start.current) onChange(clamp(start.current.value + (axis(e) - start.current.pointer) * direction))
      }}
      onPointerUp={(e) => {
        if (!start.current) return
        onCommit(clamp(start.current.value + (axis(e) - start.current.pointer) * direction))
        start.current = null
      }}
    />
  )
}
