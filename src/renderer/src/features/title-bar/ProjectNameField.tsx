import { useState } from 'react'
import { selectProjectName } from '../../store/selectors'
import { useStore } from '../../store/store'

/** Reads as a title, edits in place; the rename is one edit when the field is left, not one per keystroke. */
export function ProjectNameField() {
  const name = useStore(selectProjectName)
  const edit = useStore((s) => s.edit)
  const [draft, setDraft] = useState<string | null>(null)

  function commit() {
    const next = (draft ?? name).trim()
    setDraft(null)
    if (next && next !== name) edit({ type: 'renameProject', name: next.slice(0, 200) })
  }

  return (
    <input
      className="title-bar__name"
      aria-label="Project name"
      value={draft ?? name}
      size={Math.max(8, Math.min(40, (draft ?? name).length + 1))}
      onFocus={() => setDraft(name)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
        if (e.key === 'Escape') {
          setDraft(name)
          e.currentTarget.blur()
        }
      }}
    />
  )
}
