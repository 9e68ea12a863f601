import { X } from 'lucide-react'
import { useRef, useState, type ReactNode } from 'react'
import type { AspectRatio, Asset } from '../../../../../shared/domain/project'
import { selectAssetById } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useCropOffer } from '../crop/use-crop-offer'
import { useThumbnailUrl } from '../bin/thumbnail-url'
import { AssetPicker } from './AssetPicker'
import { RefusalCallout } from './RefusalCallout'
import { startAssetDrag, useImageDrop } from './use-image-drop'
import './image-slot.css'

type Props = {
  /** Accessible name, e.g. "First frame of clip 1". */
  label: string
  /** Shown on the outline while an image hovers, e.g. "Drop as first frame". */
  dropLabel: string
  assetId: string | null
  onAssets: (assets: Asset[]) => void
  onClear?: () => void
  empty: ReactNode
  className?: string
  /** Frame slots: the clip's aspect, preset in the crop dialog; the slot then offers "Crop…" when filled. */
  cropAspect?: AspectRatio
}

/** One place an image goes: a drop target, a drag source when filled, and a picker for the keyboard. */
export function ImageSlot({ label, dropLabel, assetId, onAssets, onClear, empty, className = '', cropAspect }: Props) {
  const { state, dropHandlers, dismissRefusal, privateUrlDialog } = useImageDrop(onAssets)
  const url = useThumbnailUrl(assetId)
  const [pickerOpen, setPickerOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const crop = useCropOffer(cropAspect, (asset) => onAssets([asset]), dismissRefusal)
  const filledAsset = useStore((s) => (cropAspect ? (selectAssetById(assetId)(s) ?? undefined) : undefined))
  const classes = ['image-slot', className, assetId ? 'image-slot--filled' : 'image-slot--empty', state.over && 'image-slot--over', state.refusal && 'image-slot--refused', state.busy && 'image-slot--busy']

  return (
    <div ref={rootRef} className={classes.filter(Boolean).join(' ')} {...dropHandlers}>
      <button
        ref={buttonRef}
        type="button"
        className="image-slot__main"
        aria-label={label}
        aria-haspopup="dialog"
        draggable={assetId !== null}
        onDragStart={(e) => assetId && startAssetDrag(e, assetId)}
        onClick={() => setPickerOpen(true)}
      >
        {assetId ? url ? <img className="image-slot__img" src={url} alt="" draggable={false} /> : <span className="image-slot__placeholder" /> : empty}
      </button>
      {assetId && onClear && (
        <button type="button" className="image-slot__clear" aria-label={`Remove ${label.charAt(0).toLowerCase()}${label.slice(1)}`} onClick={onClear}>
          <X size={12} strokeWidth={2} aria-hidden />
        </button>
      )}
      {state.over && <span className="image-slot__drop-label">{dropLabel}</span>}
      {state.busy && <span className="image-slot__drop-label">Importing…</span>}
      {state.refusal && (
        <RefusalCallout anchorRef={rootRef} message={state.refusal}>
          {state.croppable && crop.offerButton(state.croppable, `Crop to ${crop.aspectFor(state.croppable)}…`, 'btn btn--small image-slot__crop-offer')}
        </RefusalCallout>
      )}
      {filledAsset && crop.offerButton(filledAsset, 'Crop…', 'image-slot__crop')}
      {crop.dialog}
      {privateUrlDialog}
      {pickerOpen && (
        <AssetPicker
          anchorRef={buttonRef}
          title={label}
          onPick={(asset) => onAssets([asset])}
          onClose={() => {
            setPickerOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </div>
  )
}
