import { DollarField } from './DollarField'
import type { Prices } from '../../../../shared/settings'

const fields: { key: keyof Prices; label: string }[] = [
  { key: 'stdPerSecond', label: 'Standard (720p)' },
  { key: 'stdWithSoundPerSecond', label: 'Standard with sound' },
  { key: 'proPerSecond', label: 'Pro (1080p)' },
  { key: 'proWithSoundPerSecond', label: 'Pro with sound' },
]

export function PricesSection({ prices, onChange }: { prices: Prices; onChange: (prices: Prices) => void }) {
  return (
    <section className="dialog-section" aria-labelledby="settings-prices">
      <h3 id="settings-prices" className="caps-label dialog-section__title">Prices (estimates)</h3>
      <p className="field__hint">
        Dollars per second of video, used only for the estimates Omniboard shows. MuleRouter does not publish its own rates here; your bill is the final word.
      </p>
      <div className="dialog-grid">
        {fields.map(({ key, label }) => (
          <label key={key} className="field">
            <DollarField label={label} unit="/ s">
              <input
                className="input tabular"
                type="number"
                min={0}
                step={0.001}
                aria-label={`${label} price per second`}
                value={prices[key]}
                onChange={(e) => onChange({ ...prices, [key]: Math.max(0, Number(e.target.value) || 0) })}
              />
            </DollarField>
          </label>
        ))}
      </div>
    </section>
  )
}
