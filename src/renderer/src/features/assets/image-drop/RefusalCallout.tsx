import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

/** Floats above scrolling panels (the timeline clips its overflow), pinned to the slot that refused. */
export function RefusalCallout({ anchorRef, message, children }: { anchorRef: RefObject<HTMLElement | null>; message: string; children?: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null)
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null)
  useLayoutEffect(() => {
    const rect = anchorRef.current?.getBoundingClientRect()
    const height = ref.current?.offsetHeight ?? 48
    if (!rect) return
    const above = rect.top - height - 8
    setPosition({ left: Math.max(8, Math.min(rect.left, window.innerWidth - 296)), top: above > 8 ? above : rect.bottom + 8 })
  }, [anchorRef, message])
  return createPortal(
    <span ref={ref} className="image-slot__refusal" role="alert" style={position ?? { visibility: 'hidden' }}>
      {message}
      {children}
    </span>,
    document.body,
  )
}
