import { ArrowLeftToLine, ArrowRightToLine, Camera } from 'lucide-react'
import { useRef, useState, type ReactNode } from 'react'
import type { Take } from '../../../../../shared/domain/project'
import { selectClipIndex } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { chainTake, grabFrame } from './chain-actions'
import { DRIFT_NOTE } from './ChainNotice'
import './chain.css'

type Props = { take: Take | null; number: number | null; children: ReactNode }

/**
 * Wraps the take player with what continuity needs: grab the frame on screen (G while the player has focus), and
 * chain the take's last frame into the next clip or its first frame into the previous one.
 */
export function TakeFrameTools({ take, number, children }: Props) {
  const area = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  const clipIndex = useStore((s) => (take ? selectClipIndex(take.clipId)(s) : -1))
  const clipCount = useStore((s) => s.doc?.clips.length ?? 0)
  const ready = take !== null && take.status === 'completed' && !busy

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }
  const grabShown = () => {
    const video = area.current?.querySelector('video')
    if (!take || !video) return
    video.pause()
    void run(async () => {
      const asset = await grabFrame(take, { kind: 'time', seconds: video.currentTime })
      if (asset) useStore.getState().pushToast({ tone: 'success', message: `Frame at ${video.currentTime.toFixed(2)} s of take ${number} is in the asset bin.`, hint: 'Drag it onto a frame slot or an element.', tie: 'project' })
    })
  }
  const noNext = clipIndex === -1 || clipIndex >= clipCount - 1
  const noPrevious = clipIndex <= 0

  return (
    <div
      ref={area}
      className="take-frame-tools"
      onKeyDown={(e) => {
        if (e.key.toLowerCase() !== 'g' || e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLVideoElement)) return
        e.preventDefault()
        if (ready) grabShown()
      }}
    >
      {children}
      <div className="take-frame-tools__bar" role="toolbar" aria-label="Frames of this take">
        <button type="button" className="btn btn--small" disabled={!ready} aria-label="Grab frame" title="Grab the frame on screen as an image (G while the player has focus)" onClick={grabShown}>
          <Camera size={12} strokeWidth={2} aria-hidden /> Grab
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-label="First frame → previous clip"
          disabled={!ready || noPrevious}
          title={noPrevious ? 'This is the first clip: there is no previous clip to end on this frame.' : `Use this take's first frame as the previous clip's last frame. ${DRIFT_NOTE}`}
          onClick={() => take && void run(() => chainTake(take, 'previous'))}
        >
          <ArrowLeftToLine size={12} strokeWidth={2} aria-hidden /> First
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-label="Last frame → next clip"
          disabled={!ready || noNext}
          title={noNext ? 'This is the last clip: add a clip after it to chain into.' : `Use this take's last frame as the next clip's first frame. ${DRIFT_NOTE}`}
          onClick={() => take && void run(() => chainTake(take, 'next'))}
        >
          Last <ArrowRightToLine size={12} strokeWidth={2} aria-hidden />
        </button>
      </div>
    </div>
  )
}
