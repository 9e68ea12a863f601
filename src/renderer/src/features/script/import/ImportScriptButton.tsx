import { ScrollText } from 'lucide-react'
import { useRef } from 'react'
import { openScript, SCRIPT_EXTENSIONS } from './script-actions'

/** "Import screenplay…" in the title bar; dropping a script on the timeline does the same. */
export function ImportScriptButton() {
  const picker = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className="btn btn--ghost btn--icon" aria-label="Import screenplay…" title="Import screenplay… (Fountain, Final Draft) — or drop it on the timeline" onClick={() => picker.current?.click()}>
        <ScrollText size={16} strokeWidth={1.75} aria-hidden />
      </button>
      <input
        ref={picker}
        type="file"
        accept={SCRIPT_EXTENSIONS.join(',')}
        hidden
        aria-hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void openScript(file)
        }}
      />
    </>
  )
}
