import type { Asset } from '../../../../shared/domain/project'
import { startAssetDrag } from '../image-drop/use-image-drop'
import { AssetThumb } from './AssetThumb'

export function AssetTile({ asset }: { asset: Asset }) {
  const size = `${asset.width}×${asset.height}`
  return (
    <li
      className="asset-tile"
      draggable
      tabIndex={0}
      aria-label={`${asset.originalName}, ${size} px. Drag onto a slot, or open a slot to pick it.`}
      title={`${asset.originalName} · ${size}`}
      onDragStart={(e) => startAssetDrag(e, asset.id)}
    >
      <AssetThumb assetId={asset.id} />
      <span className="asset-tile__meta tabular">{size}</span>
    </li>
  )
}
