import { Crop } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import type { AspectRatio, Asset } from '../../../../../shared/domain/project'
import { CropDialog } from './CropDialog'
import { nearestAspect } from './crop-geometry'

/**
 * The crop entry points of one image slot. The dialog lives with the slot, not with the refusal that offered
 * it, so it stays open when the refusal goes (`onOpen` dismisses it). `aspect` is the clip's (frame slots);
 * elsewhere the preset nearest the image's own shape is chosen first.
 */
export function useCropOffer(aspect: AspectRatio | undefined, onCropped: (asset: Asset) => void, onOpen?: () => void) {
  const [cropping, setCropping] = useState<Asset | null>(null)
  const aspectFor = (asset: Asset) => aspect ?? nearestAspect(asset.width, asset.height)

  const offerButton = (asset: Asset, label: string, className: string): ReactNode => (
    <button
      type="button"
      className={className}
      // The refusal it sits in clears on any press elsewhere; this press is not elsewhere.
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => {
        setCropping(asset)
        onOpen?.()
      }}
    >
      <Crop size={12} strokeWidth={2} aria-hidden /> {label}
    </button>
  )

  const dialog = cropping && <CropDialog asset={cropping} aspect={aspectFor(cropping)} onCropped={onCropped} onClose={() => setCropping(null)} />
  return { aspectFor, offerButton, dialog }
}
