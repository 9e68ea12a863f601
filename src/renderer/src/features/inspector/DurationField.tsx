import { Minus, Plus } from 'lucide-react'
import { IntegerInput } from '../../ui/IntegerInput'

type Props = { value: number; min: number; max: number; fromShots: boolean; onChange: (value: number) => void }

export function DurationField({ value, min, max, fromShots, onChange }: Props) {
  const set = (next: number) => {
    const clamped = Math.min(max, Math.max(min, Math.trunc(next)))
    if (Number.isFinite(clamped) && clamped !== value) onChange(clamped)
  }
  return (
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
          aria-describedby="inspector-duration-hint"
          onCommit={set}
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
  )
}
