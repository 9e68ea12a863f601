import { FolderInput } from 'lucide-react'
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { Asset } from '../../../../../shared/domain/project'
import { call } from '../../../ipc/client'
import { selectUsableAssets } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { modalKeyDown } from '../../../ui/focus-trap'
import { AssetThumb } from '../bin/AssetThumb'
import { importPaths, listRefusals, refusalForAsset } from './import-images'

type Props = { anchorRef: RefObject<HTMLElement | null>; title: string; onPick: (asset: Asset) => void; onClose: () => void }

/** The keyboard path to every image slot: pick from the bin or import, without dragging. */
export function AssetPicker({ anchorRef, title, onPick, onClose }: Props) {
  const assets = useStore(selectUsableAssets)
  const ref = useRef<HTMLDivElement>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [position, setPosition] = useState({ left: 0, top: 0 })

  useLayoutEffect(() => {
    const rect = anchorRef.current?.getBoundingClientRect()
    const height = ref.current?.offsetHeight ?? 280
    if (rect) setPosition({ left: Math.min(rect.left, window.innerWidth - 330), top: Math.max(8, rect.top - height - 8) })
    ref.current?.querySelector<HTMLElement>('button')?.focus()
  }, [anchorRef])

  function pick(asset: Asset) {
    const refusal = refusalForAsset(asset.id)
    if (refusal) return setMessage(refusal)
    onPick(asset)
    onClose()
  }

  async function importFromDisk() {
    const chosen = await call('project:chooseImages', {})
    if (!chosen || chosen.paths.length === 0) return
    const { assets: imported, refused } = await importPaths(chosen.paths)
    if (imported[0]) pick(imported[0])
    else setMessage(listRefusals(refused))
  }

  return createPortal(
    <>
      <div className="picker-backdrop" onClick={onClose} />
      <div
        ref={ref}
        className="asset-picker"
        role="dialog"
        // Its backdrop takes every click outside, so it is modal: Tab stays in it too.
        aria-modal="true"
        aria-label={`Choose an image: ${title}`}
        style={position}
        onKeyDown={modalKeyDown(onClose)}
      >
        <div className="asset-picker__grid">
          {assets.map((asset) => (
            <button key={asset.id} type="button" className="asset-picker__item" aria-label={`Use ${asset.originalName}`} onClick={() => pick(asset)}>
              <AssetThumb assetId={asset.id} />
            </button>
          ))}
        </div>
        {assets.length === 0 && <p className="empty-note">No images yet. Import one, or drop a file on the slot.</p>}
        {message && <p className="field__error" role="alert">{message}</p>}
        <button type="button" className="btn btn--small" onClick={() => void importFromDisk()}>
          <FolderInput size={14} strokeWidth={1.75} aria-hidden /> Import from disk…
        </button>
      </div>
    </>,
    document.body,
  )
}
