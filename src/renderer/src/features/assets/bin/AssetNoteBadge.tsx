import type { Asset } from '../../../../../shared/domain/project'
import { assetNote, shortAssetNote } from './asset-note'
import './asset-notes.css'

/** Says on the tile that the image was converted or cropped; the whole story is in the tooltip. */
export function AssetNoteBadge({ asset }: { asset: Asset }) {
  const note = assetNote(asset)
  if (!note) return null
  return (
    <span className="asset-note" title={note}>
      {shortAssetNote(asset)}
    </span>
  )
}
