import { ImageUp, Upload } from 'lucide-react'
import { useCallback, useState } from 'react'
import { apiRules } from '../../../../../shared/domain/api-rules'
import { call } from '../../../ipc/client'
import { selectUsableAssets } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { importPaths, listRefusals } from '../image-drop/import-images'
import { useImageDrop } from '../image-drop/use-image-drop'
import { useCropOffer } from '../crop/use-crop-offer'
import { AssetTile } from './AssetTile'
import { MoreTiles } from './MoreTiles'
import { usePasteImport } from './use-paste-import'
import './assets.css'

/** Tiles mounted at a time; the next batch mounts as the list scrolls near its end. */
const TILE_BATCH = 240

export function AssetBin() {
  const assets = useStore(selectUsableAssets)
  const [mounted, setMounted] = useState(TILE_BATCH)
  const mountMore = useCallback(() => setMounted((count) => count + TILE_BATCH), [])
  // Files dropped on the bin only need importing; the import adds them to the store.
  const { state, dropHandlers, refuse, dismissRefusal, privateUrlDialog } = useImageDrop(() => {})
  // A crop made from the bin only needs storing; the dialog adds it to the store.
  const crop = useCropOffer(undefined, () => {}, dismissRefusal)
  usePasteImport(refuse)

  async function importFromDisk() {
    const chosen = await call('project:chooseImages', {})
    if (!chosen || chosen.paths.length === 0) return
    const refusal = listRefusals((await importPaths(chosen.paths)).refused)
    if (refusal) refuse(refusal)
  }

  const classes = ['asset-bin', state.over && 'asset-bin--over', state.refusal && 'asset-bin--refused'].filter(Boolean).join(' ')
  return (
    <aside className={classes} aria-label="Assets" {...dropHandlers}>
      <div className="panel-heading">
        <span className="caps-label">
          Assets <span className="asset-bin__count tabular">{assets.length}</span>
        </span>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => void importFromDisk()}>
          <Upload size={14} strokeWidth={1.75} aria-hidden /> Import…
        </button>
      </div>
      {state.refusal && (
        <p className="asset-bin__refusal" role="alert">
          {state.refusal}
          {state.croppable && crop.offerButton(state.croppable, `Crop to ${crop.aspectFor(state.croppable)}…`, 'btn btn--small asset-bin__crop-offer')}
        </p>
      )}
      {crop.dialog}
      {privateUrlDialog}
      {assets.length === 0 ? (
        <div className="asset-bin__empty">
          <ImageUp size={24} strokeWidth={1.5} aria-hidden />
          <p>Drop images here, paste one, or use Import…</p>
          <p className="asset-bin__rules">
            JPEG or PNG, at least {apiRules.image.minSidePx} px a side, up to {apiRules.image.maxBytes / 1024 / 1024} MB. WebP, AVIF, GIF, TIFF, BMP and larger files are converted.
          </p>
        </div>
      ) : (
        <div className="asset-bin__scroll">
          <ul className="asset-bin__grid">
            {assets.slice(0, mounted).map((asset) => (
              <AssetTile key={asset.id} asset={asset} />
            ))}
            {assets.length > mounted && <MoreTiles key={mounted} left={assets.length - mounted} onNear={mountMore} />}
          </ul>
        </div>
      )}
      {state.over && <div className="asset-bin__overlay">Drop to import</div>}
      {state.busy && <div className="asset-bin__overlay">Importing…</div>}
    </aside>
  )
}
