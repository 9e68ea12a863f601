import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import type { AspectRatio, Asset } from '../../../../../shared/domain/project'
import { invoke } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { SegmentedControl } from '../../../ui/SegmentedControl'
import { useThumbnailUrl } from '../bin/thumbnail-url'
import { centreOf, cropAspects, cropFor } from './crop-geometry'
import './crop.css'

const shapeOptions = cropAspects.map((option) => ({ value: option, label: option }))

type Props = { asset: Asset; aspect: AspectRatio; onCropped: (asset: Asset) => void; onClose: () => void }

const KEY_STEP = 0.02
const FRAME_MAX_HEIGHT_PX = 400

/**
 * Crops without touching the image: the result is a new asset that records the rectangle, and the caller puts
 * it where it was wanted (a slot edit, so undo takes the crop back out of the slot).
 */
export function CropDialog({ asset, aspect: initialAspect, onCropped, onClose }: Props) {
  const url = useThumbnailUrl(asset.id)
  const [aspect, setAspect] = useState(initialAspect)
  const [scale, setScale] = useState(1)
  const [centre, setCentre] = useState({ x: 0.5, y: 0.5 })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const frameRef = useRef<HTMLDivElement>(null)
  const drag = useRef<{ x: number; y: number; centre: { x: number; y: number } } | null>(null)
  const crop = cropFor(asset, aspect, scale, centre)
  const tooSmall = Math.min(crop.width, crop.height) < apiRules.image.minSidePx

  const moveTo = (next: { x: number; y: number }) => setCentre(centreOf(asset, cropFor(asset, aspect, scale, next)))

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, y: e.clientY, centre: centreOf(asset, crop) }
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const start = drag.current
    const frame = frameRef.current?.getBoundingClientRect()
    if (!start || !frame) return
    moveTo({ x: start.centre.x + (e.clientX - start.x) / frame.width, y: start.centre.y + (e.clientY - start.y) / frame.height })
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const delta = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key]
    if (!delta) return
    e.preventDefault()
    const now = centreOf(asset, crop)
    moveTo({ x: now.x + delta[0]! * KEY_STEP, y: now.y + delta[1]! * KEY_STEP })
  }

  async function apply() {
    setBusy(true)
    const result = await invoke('assets:crop', { assetId: asset.id, crop })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    useStore.getState().addAssets([result.value.asset])
    onCropped(result.value.asset)
    onClose()
  }

  const box = { left: `${(crop.x / asset.width) * 100}%`, top: `${(crop.y / asset.height) * 100}%`, width: `${(crop.width / asset.width) * 100}%`, height: `${(crop.height / asset.height) * 100}%` }
  return (
    <Dialog
      title={`Crop ${asset.originalName}`}
      onClose={onClose}
      width={640}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn--primary" disabled={busy || tooSmall} onClick={() => void apply()}>
            Crop to {aspect}
          </button>
        </>
      }
    >
      <div className="crop__controls">
        <SegmentedControl label="Shape" options={shapeOptions} value={aspect} onChange={setAspect} />
        <label className="crop__zoom">
          Size
          <input type="range" min={0.3} max={1} step={0.01} value={scale} onChange={(e) => setScale(Number(e.target.value))} />
        </label>
        <span className="crop__size tabular">{crop.width}×{crop.height} px</span>
      </div>
      <div ref={frameRef} className="crop__frame" style={{ aspectRatio: `${asset.width} / ${asset.height}`, width: `min(100%, ${Math.round((FRAME_MAX_HEIGHT_PX * asset.width) / asset.height)}px)` }}>
        {url && <img className="crop__image" src={url} alt="" draggable={false} />}
        <div
          className="crop__box"
          style={box}
          role="slider"
          tabIndex={0}
          aria-label="Crop position — drag, or use the arrow keys"
          aria-valuetext={`${crop.width}×${crop.height} px from ${crop.x}, ${crop.y}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="crop__note">The image stays as it is; the crop is saved as a new image.</p>
      {tooSmall && <p className="field__error" role="alert">The crop is under {apiRules.image.minSidePx} px on a side — make it larger.</p>}
      {error && <p className="field__error" role="alert">{error}</p>}
    </Dialog>
  )
}
