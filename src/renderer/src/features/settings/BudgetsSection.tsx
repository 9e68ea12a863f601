import type { BudgetCaps } from '../../../../shared/domain/spend'
import { parseCap } from '../spend/cap-text'
import { DollarField } from './DollarField'

export type BudgetTexts = { daily: string; monthly: string; project: string }

const fields: { key: keyof BudgetTexts; label: string; hint: string }[] = [
  { key: 'daily', label: 'Daily cap', hint: 'All projects, today (this computer’s day)' },
  { key: 'monthly', label: 'Monthly cap', hint: 'All projects, this calendar month' },
  { key: 'project', label: 'This project’s cap', hint: 'Everything this project has sent or queued' },
]

/**
 * Spending caps, as estimates from your prices: Generate refuses a plan that would pass one, and a queued take
 * that would pass one waits ("held") instead of being sent. Empty means no cap.
 */
export function BudgetsSection({ texts, hasProject, onChange }: { texts: BudgetTexts; hasProject: boolean; onChange: (texts: BudgetTexts) => void }) {
  return (
    <section className="dialog-section" aria-labelledby="settings-budgets">
      <h3 id="settings-budgets" className="caps-label dialog-section__title">Budgets (estimates)</h3>
      <p className="field__hint">
        Omniboard will not queue or send a take that would pass a cap, counted from the estimates in the spend ledger. Leave a field empty for no cap.
      </p>
      <div className="dialog-grid dialog-grid--three">
        {fields.filter((field) => hasProject || field.key !== 'project').map(({ key, label, hint }) => {
          const parsed = parseCap(texts[key])
          const errorId = `settings-budget-${key}-error`
          return (
            <label key={key} className="field">
              <DollarField label={label}>
                <input
                  className="input tabular"
                  inputMode="decimal"
                  placeholder="No cap"
                  aria-label={`${label} in dollars`}
                  aria-invalid={!parsed.ok}
                  aria-describedby={parsed.ok ? undefined : errorId}
                  value={texts[key]}
                  onChange={(e) => onChange({ ...texts, [key]: e.target.value })}
                />
              </DollarField>
              <span className="field__hint settings__budget-hint">{hint}</span>
              {!parsed.ok && <span id={errorId} className="field__error" role="alert">{parsed.message}</span>}
            </label>
          )
        })}
      </div>
    </section>
  )
}

/** The caps to save, or null while any field holds something that is not a cap. */
export function parseBudgetTexts(texts: BudgetTexts): { app: BudgetCaps; project: number | null } | null {
  const [daily, monthly, project] = [parseCap(texts.daily), parseCap(texts.monthly), parseCap(texts.project)]
  if (!daily.ok || !monthly.ok || !project.ok) return null
  return { app: { dailyUsd: daily.capUsd, monthlyUsd: monthly.capUsd }, project: project.capUsd }
}
