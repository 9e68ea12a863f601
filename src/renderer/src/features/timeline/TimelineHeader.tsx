import { Plus, ZoomIn, ZoomOut } from 'lucide-react'
import { selectClipCount, selectTotalDuration } from '../../store/selectors'
import { useStore } from '../../store/store'
import { formatElapsed } from '../../ui/format'
import { registerToastDock } from '../toasts/toast-dock'
import { clampZoom, MAX_ZOOM, MIN_ZOOM } from './use-timeline-wheel'

type Props = { pxPerSecond: number; onZoom: (value: number) => void; onAddClip: () => void }

/** "+ Clip" lives here, not at the end of the track, so it stays in reach however long the storyboard grows. */
export function TimelineHeader({ pxPerSecond, onZoom, onAddClip }: Props) {
  const clipCount = useStore(selectClipCount)
  const seconds = useStore(selectTotalDuration)
  const zoom = (factor: number) => onZoom(clampZoom(pxPerSecond * factor))
  return (
    <div className="timeline__header">
      <span className="caps-label">Timeline</span>
      <span className="timeline__summary tabular">
        {clipCount} {clipCount === 1 ? 'clip' : 'clips'} · {formatElapsed(seconds * 1000)}
      </span>
      <button type="button" className="btn btn--small timeline__add" title="Add a clip at the end" onClick={onAddClip}>
        <Plus size={14} strokeWidth={1.75} aria-hidden />
        <span>Clip</span>
      </button>
      <div ref={registerToastDock} className="timeline__toasts" />
      <div className="timeline__zoom">
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Zoom out" onClick={() => zoom(1 / 1.25)}>
          <ZoomOut size={14} strokeWidth={1.75} aria-hidden />
        </button>
        <input
          type="range"
          aria-label="Zoom"
          title="Zoom (Ctrl/Cmd+wheel over the timeline)"
          min={MIN_ZOOM}
          max={MAX_ZOOM}
          value={pxPerSecond}
          onChange={(e) => onZoom(Number(e.target.value))}
        />
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Zoom in" onClick={() => zoom(1.25)}>
          <ZoomIn size={14} strokeWidth={1.75} aria-hidden />
        </button>
      </div>
    </div>
  )
}
