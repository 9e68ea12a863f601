import type { TakeFilter } from './use-take-filter'

type Props = { filter: TakeFilter; onChange: (filter: TakeFilter) => void; hidden: number }

export function TakeFilterBar({ filter, onChange, hidden }: Props) {
  return (
    <div className="take-filter" role="group" aria-label="Filter takes">
      <select
        className="select take-filter__select"
        aria-label="Show takes"
        value={filter.shown}
        onChange={(e) => onChange({ ...filter, shown: e.target.value as TakeFilter['shown'] })}
      >
        <option value="all">All takes</option>
        <option value="rated">Rated</option>
        <option value="unrated">Unrated</option>
      </select>
      <label className="take-filter__toggle">
        <input type="checkbox" checked={filter.hideRejected} onChange={(e) => onChange({ ...filter, hideRejected: e.target.checked })} /> Hide rejected
      </label>
      {hidden > 0 && <span className="take-filter__hidden tabular">{hidden} hidden</span>}
    </div>
  )
}
