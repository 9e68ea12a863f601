import { formatUsd } from '../../../../shared/domain/cost'
import type { LedgerSummary } from '../../../../shared/domain/spend'

type Totals = LedgerSummary['totals']
type Total = Totals['byDay'][number]

const takes = (n: number): string => `${n} ${n === 1 ? 'take' : 'takes'}`

/** Today, this month and all time at a glance, then every project, day and month. */
export function LedgerTotals({ totals, today, month }: { totals: Totals; today: string; month: string }) {
  const day = totals.byDay.find((total) => total.key === today)
  const thisMonth = totals.byMonth.find((total) => total.key === month)
  const allTakes = totals.byMonth.reduce((n, total) => n + total.takes, 0)
  return (
    <section className="ledger-totals" aria-label="Totals">
      <div className="ledger-totals__cards">
        <TotalCard label="Today" usd={day?.usd ?? 0} count={day?.takes ?? 0} />
        <TotalCard label="This month" usd={thisMonth?.usd ?? 0} count={thisMonth?.takes ?? 0} />
        <TotalCard label="All time" usd={totals.allUsd} count={allTakes} />
      </div>
      <div className="ledger-totals__lists">
        <TotalList title="By project" totals={totals.byProject} />
        <TotalList title="By day" totals={totals.byDay} />
        <TotalList title="By month" totals={totals.byMonth} />
      </div>
    </section>
  )
}

function TotalCard({ label, usd, count }: { label: string; usd: number; count: number }) {
  return (
    <div className="ledger-card" aria-label={`${label} total`}>
      <span className="caps-label">{label}</span>
      <span className="ledger-card__usd tabular">≈ {formatUsd(usd)}</span>
      <span className="ledger-card__takes tabular">{takes(count)} · estimate</span>
    </div>
  )
}

function TotalList({ title, totals }: { title: string; totals: Total[] }) {
  return (
    <section className="ledger-list" aria-label={`Totals ${title.toLowerCase()}`}>
      <h3 className="caps-label">{title}</h3>
      {totals.length === 0 ? (
        <p className="empty-note">Nothing sent yet.</p>
      ) : (
        <ul>
          {totals.map((total) => (
            <li key={total.key}>
              <span className="ledger-list__label">{total.label}</span>
              <span className="ledger-list__usd tabular" title={takes(total.takes)}>≈ {formatUsd(total.usd)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
