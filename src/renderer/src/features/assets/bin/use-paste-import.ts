import { useEffect } from 'react'
import { importFiles, reportRefusals } from '../image-drop/import-images'

/** A pasted image lands in the bin; pasted text still goes wherever the caret is. */
export function usePasteImport(onRefused: (reason: string) => void): void {
  useEffect(() => {
    function onPaste(e: ClipboardEvent) {
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'))
      if (files.length === 0) return
      e.preventDefault()
      const named = files.map((f, i) => (f.name ? f : new File([f], `pasted-${i + 1}.${f.type === 'image/png' ? 'png' : 'jpg'}`, { type: f.type })))
      void importFiles(named).then(({ refused }) => reportRefusals(refused, named.length, onRefused))
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [onRefused])
}
