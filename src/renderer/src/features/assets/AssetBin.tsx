import { ImageUp, Upload } from 'lucide-react'
import { apiRules } from '../../../../shared/domain/api-rules'
import { call } from '../../ipc/client'
import { selectAssets } from '../../store/selectors'
import { useStore } from '../../store/store'
import { importPaths, listRefusals } from '../image-drop/import-images'
import { useImageDrop } from '../image-drop/use-image-drop'
import { AssetTile } from './AssetTile'
import { usePasteImport } from './use-paste-import'
import './assets.css'

export function AssetBin() {
  const assets = useStore(selectAssets)
  // Files dropped on the bin only need importing; the import adds them to the store.
  const { state, dropHandlers, refuse } = useImageDrop(() => {})
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
      {state.refusal && <p className="asset-bin__refusal" role="alert">{state.refusal}</p>}
      {assets.length === 0 ? (
        <div className="asset-bin__empty">
          <ImageUp size={24} strokeWidth={1.5} aria-hidden />
          <p>Drop images here, paste one, or use Import…</p>
          <p className="asset-bin__rules">
            JPEG or PNG, at least {apiRules.image.minSidePx} px a side, up to {apiRules.image.maxBytes / 1024 / 1024} MB.
          </p>
        </div>
      ) : (
        <div className="asset-bin__scroll">
          <ul className="asset-bin__grid">
            {assets.map((asset) => (
              <AssetTile key={asset.id} asset={asset} />
            ))}
          </ul>
        </div>
      )}
      {state.over && <div className="asset-bin__overlay">Drop to import</div>}
      {state.busy && <div className="asset-bin__overlay">Importing…</div>}
    </aside>
  )
}
