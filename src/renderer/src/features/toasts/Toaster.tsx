import { CheckCircle2, Info, TriangleAlert, X, XCircle } from 'lucide-react'
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { selectToasts } from '../../store/selectors'
import { useStore } from '../../store/store'
import type { Toast } from '../../store/types'
import { useToastDock } from './toast-dock'
import './toasts.css'

const icons = { info: Info, success: CheckCircle2, warning: TriangleAlert, danger: XCircle }
/** Errors stay until dismissed: they often carry the only explanation of what went wrong. */
const lifetimeMs: Record<Toast['tone'], number | null> = { info: 5000, success: 6000, warning: 9000, danger: null }

export function Toaster() {
  const toasts = useStore(selectToasts)
  const dock = useToastDock()
  if (!dock) {
    return (
      <div className="toaster" role="region" aria-label="Notifications">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </div>
    )
  }
  // Docked in one line of the timeline header: the newest toast, and how many wait behind it.
  const newest = toasts.at(-1)
  return createPortal(
    <div className="toaster toaster--docked" role="region" aria-label="Notifications">
      {toasts.length > 1 && <span className="toaster__more tabular">+{toasts.length - 1}</span>}
      {newest && <ToastItem key={newest.id} toast={newest} />}
    </div>,
    dock,
  )
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useStore((s) => s.dismissToast)
  const Icon = icons[toast.tone]
  useEffect(() => {
    const ms = lifetimeMs[toast.tone]
    if (ms === null) return
    const timer = setTimeout(() => dismiss(toast.id), ms)
    return () => clearTimeout(timer)
  }, [toast.id, toast.tone, dismiss])
  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'danger' ? 'alert' : 'status'}>
      <Icon className="toast__icon" size={16} strokeWidth={1.75} aria-hidden />
      <div className="toast__body" title={toast.hint ? `${toast.message}\n${toast.hint}` : toast.message}>
        <p className="toast__message">{toast.message}</p>
        {toast.hint && <p className="toast__hint">{toast.hint}</p>}
      </div>
      {toast.action && (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            toast.action?.run()
            dismiss(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <X size={14} strokeWidth={1.75} aria-hidden />
      </button>
    </div>
  )
}
