import { X } from 'lucide-react'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import './dialog.css'

type Props = { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; width?: number }

/** A modal on the native <dialog>: focus trapping, Esc and the backdrop come from the platform; focus returns to the opener. */
export function Dialog({ title, onClose, children, footer, width = 560 }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // Unmounting a modal does not hand focus back as close() would: return it to what opened the dialog.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // jsdom has no showModal; the open attribute is enough there.
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal()
    else dialog.setAttribute('open', '')
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      style={{ width }}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">{title}</h2>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close" onClick={onClose}>
          <X size={16} strokeWidth={1.75} aria-hidden />
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  )
}
