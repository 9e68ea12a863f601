import { X } from 'lucide-react'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { modalKeyDown, returnFocus } from './focus-trap'
import './dialog.css'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  width?: number
  /** For a body with nothing focusable in it: names it and makes it a tab stop, so the keyboard can scroll it. */
  bodyLabel?: string
}

/**
 * A modal on the native <dialog>: the inert page behind, Esc and the backdrop come from the platform; Tab wraps
 * inside it, and on closing the focus goes back to what had it before.
 */
export function Dialog({ title, onClose, children, footer, width = 560, bodyLabel }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Read while rendering: by the time effects run, a child's autoFocus has already moved the focus.
  const [opener] = useState(() => document.activeElement)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // Unmounting a modal does not hand focus back as close() would: return it to what opened the dialog.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // jsdom has no showModal; the open attribute is enough there.
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal()
    else dialog.setAttribute('open', '')
    return () => returnFocus(opener, dialog)
  }, [opener])
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
      onKeyDown={modalKeyDown(onClose)}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">{title}</h2>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close" onClick={onClose}>
          <X size={16} strokeWidth={1.75} aria-hidden />
        </button>
      </header>
      {bodyLabel ? (
        <div className="dialog__body" role="region" aria-label={bodyLabel} tabIndex={0}>
          {children}
        </div>
      ) : (
        <div className="dialog__body">{children}</div>
      )}
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  )
}
