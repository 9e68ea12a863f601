import { Minus, Plus } from 'lucide-react'
import { useState } from 'react'
import { AdjustmentNote } from '../../ui/AdjustmentNote'
import { IntegerInput } from '../../ui/IntegerInput'

/** `onChange` returns the duration the clip ended up with: multi-shot clips cannot be shorter than 1 s a shot. */
type Props = { value: number; min: number; max: number; fromShots: boolean; onChange: (value: number) => number }

export function DurationField({ value, min, max, fromShots, onChange }: Props) {
  const [note, setNote] = useState<string | null>(null)
  const set = (next: number) => {
    const clamped = Math.min(max, Math.max(min, Math.trunc(next)))
    if (!Number.isFinite(clamped) || clamped === value) return
    const result = onChange(clamped)
    setNote(result === clamped ? null : `Each shot needs at least 1 s; set to ${result} s.`)
  }
  const outOfRange = (typed: number) => {
    const clamped = Math.min(max, Math.max(min, typed))
    if (clamped !== value) onChange(clamped)
    setNote(`Kling makes ${min}–${max} s; set to ${clamped} s.`)
  }
  return (
    <>
    <div className="inspector__row">
      <label className="inspector__label" htmlFor="inspector-duration">Duration</label>
      <div className="stepper">
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Shorter by one second" onClick={() => set(value - 1)}>
          <Minus size={14} strokeWidth={1.75} aria-hidden />
        </button>
        <IntegerInput
          id="inspector-duration"
          className="input stepper__input tabular"
          min={min}
          max={max}
          value={value}
          aria-describedby="inspector-duration-hint inspector-duration-note"
          onCommit={set}
          onOutOfRange={outOfRange}
        />
        <span className="stepper__unit">s</span>
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Longer by one second" onClick={() => set(value + 1)}>
          <Plus size={14} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
      <span id="inspector-duration-hint" className="visually-hidden">
        {fromShots ? 'The sum of the shots; changing it resizes the last shot.' : `${min} to ${max} seconds.`}
      </span>
    </div>
    <AdjustmentNote id="inspector-duration-note" note={note} />
    </>
  )
}
