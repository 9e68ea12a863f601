import type { KeyboardEvent } from 'react'

type Props = { id: string; value: string; onChange: (name: string) => void; onKeyDown?: (e: KeyboardEvent) => void }

/** The name of a project about to be created; the folder gets the same name. */
export function ProjectNameInput({ id, value, onChange, onKeyDown }: Props) {
  return (
    <input
      id={id}
      className="input"
      autoFocus
      value={value}
      maxLength={120}
      placeholder="e.g. Rainy Tokyo teaser"
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  )
}
