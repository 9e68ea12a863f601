import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { EditOp } from '../../../../../shared/domain/edits-schema'
import type { ProjectDocument, Shot } from '../../../../../shared/domain/project'
import { beginGesture, endGesture, previewGesture } from '../../../store/history'
import { useStore } from '../../../store/store'

type Props = { clipId: string; clipNumber: number; left: Shot; leftNumber: number; right: Shot; pxPerSecond: number }

/**
 * The edge between two shots. Dragging trades whole seconds between them while the clip's total stays put;
 * the store previews every step and records one undo step on release.
 */
export function ShotBoundaryHandle({ clipId, clipNumber, left, leftNumber, right, pxPerSecond }: Props) {
  const drag = useRef<{ base: ProjectDocument; startX: number; op: EditOp | null } | null>(null)
  const [active, setActive] = useState(false)
  const rightNumber = leftNumber + 1
  const opFor = (delta: number): EditOp | null => (delta === 0 ? null : { type: 'moveShotBoundary', clipId, shotId: left.id, delta })

  function onPointerDown(e: PointerEvent) {
    e.stopPropagation()
    const base = beginGesture()
    if (!base) return
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { base, startX: e.clientX, op: null }
    setActive(true)
  }

  function onPointerMove(e: PointerEvent) {
    const current = drag.current
    if (!current) return
    const op = opFor(Math.round((e.clientX - current.startX) / pxPerSecond))
    current.op = op
    previewGesture(current.base, op)
  }

  function finish() {
    const current = drag.current
    if (!current) return
    drag.current = null
    setActive(false)
    endGesture(current.base, current.op)
  }

  function onKeyDown(e: KeyboardEvent) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (delta === 0) return
    e.preventDefault()
    e.stopPropagation()
    useStore.getState().edit({ type: 'moveShotBoundary', clipId, shotId: left.id, delta })
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Boundary between shot ${leftNumber} and shot ${rightNumber} of clip ${clipNumber}`}
      aria-valuemin={1}
      aria-valuemax={left.duration + right.duration - 1}
      aria-valuenow={left.duration}
      aria-valuetext={`Shot ${leftNumber} ${left.duration} s, shot ${rightNumber} ${right.duration} s`}
      className={active ? 'tl-boundary tl-boundary--active' : 'tl-boundary'}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={finish}
      onKeyDown={onKeyDown}
    >
      <span className="tl-boundary__tooltip tabular" aria-hidden="true">
        {left.duration} s │ {right.duration} s
      </span>
    </div>
  )
}
