import { useEffect } from 'react'

/**
 * A file dropped outside every drop target would make the window navigate to it (main denies the
 * navigation, but the drop would still look accepted). Swallow it here; real targets stop propagation first.
 * A folder (an item without a type) is let through: main reads the denied navigation as "open this project".
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const guard = (e: DragEvent) => {
      if (e.defaultPrevented || !e.dataTransfer?.types.includes('Files')) return
      if ([...e.dataTransfer.items].some((item) => item.kind === 'file' && item.type === '')) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'none'
    }
    window.addEventListener('dragover', guard)
    window.addEventListener('drop', guard)
    return () => {
      window.removeEventListener('dragover', guard)
      window.removeEventListener('drop', guard)
    }
  }, [])
}
