import { memo } from 'react'
import type { Asset } from '../../../../../shared/domain/project'
import { useNearViewport } from '../../../ui/use-near-viewport'
import { startAssetDrag } from '../image-drop/use-image-drop'
import { AssetThumb } from './AssetThumb'
import { AssetNoteBadge } from './AssetNoteBadge'
import { assetNote } from './asset-note'

/** Fetches its thumbnail only once scrolled near: a bin of a thousand images asks for the few on screen. */
export const AssetTile = memo(function AssetTile({ asset }: { asset: Asset }) {
  const [observe, near] = useNearViewport()
  const size = `${asset.width}×${asset.height}`
  const note = assetNote(asset)
  return (
    <li
      ref={observe}
      className="asset-tile"
      draggable
      tabIndex={0}
      aria-label={`${asset.originalName}, ${size} px${note ? `, ${note}` : ''}. Drag onto a slot, or open a slot to pick it.`}
      title={`${asset.originalName} · ${size}${note ? ` · ${note}` : ''}`}
      onDragStart={(e) => startAssetDrag(e, asset.id)}
    >
      {near ? <AssetThumb assetId={asset.id} /> : <span className="asset-thumb" />}
      <span className="asset-tile__meta tabular">{size}</span>
      <AssetNoteBadge asset={asset} />
    </li>
  )
})
