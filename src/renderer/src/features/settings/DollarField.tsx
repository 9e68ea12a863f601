import type { ReactNode } from 'react'

/** A labelled dollar amount in Settings: "$ [ 0.112 ] / s". */
export function DollarField({ label, unit, children }: { label: string; unit?: string; children: ReactNode }) {
  return (
    <>
      <span className="field__hint">{label}</span>
      <span className="settings__money">
        <span aria-hidden="true">$</span>
        {children}
        {unit && <span aria-hidden="true">{unit}</span>}
      </span>
    </>
  )
}
