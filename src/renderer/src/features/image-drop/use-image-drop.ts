import { useEffect, useRef, useState, type DragEvent } from 'react'
import type { Asset } from '../../../../shared/domain/project'
import { useStore } from '../../store/store'
import { importFiles, refusalForAsset, reportRefusals } from './import-images'

/** Drag payload of an image already in the project (from the bin or another slot). */
export const ASSET_MIME = 'application/x-omniboard-asset'
const REFUSAL_MS = 6000

export type ImageDropState = { over: boolean; busy: boolean; refusal: string | null }

function carriesImage(e: DragEvent): boolean {
  const types = Array.from(e.dataTransfer.types)
  return types.includes('Files') || types.includes(ASSET_MIME)
}

/**
 * Makes an element accept images: OS files (imported first), bin items and other slots. A refused image
 * changes nothing and leaves its reason on screen for a few seconds.
 */
export function useImageDrop(onAssets: (assets: Asset[]) => void) {
  const [state, setState] = useState<ImageDropState>({ over: false, busy: false, refusal: null })
  const refusalTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // The reason stays until the user does something else (or a few seconds pass), so it is read, then gone.
  useEffect(() => {
    if (!state.refusal) return
    const clear = () => setState((s) => ({ ...s, refusal: null }))
    window.addEventListener('pointerdown', clear)
    window.addEventListener('keydown', clear)
    return () => {
      window.removeEventListener('pointerdown', clear)
      window.removeEventListener('keydown', clear)
    }
  }, [state.refusal])

  function refuse(reason: string) {
    clearTimeout(refusalTimer.current)
    setState({ over: false, busy: false, refusal: reason })
    refusalTimer.current = setTimeout(() => setState((s) => ({ ...s, refusal: null })), REFUSAL_MS)
  }

  async function accept(e: DragEvent) {
    const assetId = e.dataTransfer.getData(ASSET_MIME)
    if (assetId) {
      const reason = refusalForAsset(assetId)
      if (reason) return refuse(reason)
      const asset = useStore.getState().assets.find((a) => a.id === assetId)
      setState({ over: false, busy: false, refusal: null })
      if (asset) onAssets([asset])
      return
    }
    const files = Array.from(e.dataTransfer.files)
    if (files.length === 0) return setState((s) => ({ ...s, over: false }))
    setState({ over: false, busy: true, refusal: null })
    const { assets, refused } = await importFiles(files)
    setState({ over: false, busy: false, refusal: null })
    reportRefusals(refused, files.length, refuse)
    if (assets.length > 0) onAssets(assets)
  }

  const dropHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!carriesImage(e)) return
      e.preventDefault()
      setState((s) => (s.over ? s : { ...s, over: true }))
    },
    onDragOver: (e: DragEvent) => {
      if (!carriesImage(e)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    },
    onDragLeave: (e: DragEvent) => {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return
      setState((s) => ({ ...s, over: false }))
    },
    onDrop: (e: DragEvent) => {
      if (!carriesImage(e)) return
      e.preventDefault()
      e.stopPropagation()
      void accept(e)
    },
  }
  return { state, dropHandlers, refuse }
}

export function startAssetDrag(e: DragEvent, assetId: string): void {
  e.dataTransfer.setData(ASSET_MIME, assetId)
  e.dataTransfer.effectAllowed = 'copy'
}
