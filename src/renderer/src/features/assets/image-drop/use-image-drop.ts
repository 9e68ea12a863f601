import { useEffect, useRef, useState, type DragEvent } from 'react'
import type { Asset } from '../../../../../shared/domain/project'
import { useStore } from '../../../store/store'
import { importFiles, importUrl, refusalForAsset, reportRefusals, type ImportOutcome } from './import-images'
import { usePrivateUrlConfirm } from './private-url-confirm'

/** Drag payload of an image already in the project (from the bin or another slot). */
export const ASSET_MIME = 'application/x-omniboard-asset'
const REFUSAL_MS = 6000

/** `croppable`: the refused image was kept so it can be cropped; the refusal then waits for the user. */
export type ImageDropState = { over: boolean; busy: boolean; refusal: string | null; croppable?: Asset | null }

/** An image dragged from a web page: its address, the first non-comment line of text/uri-list. */
const URI_LIST = 'text/uri-list'
const droppedUrl = (e: DragEvent): string | null =>
  e.dataTransfer.getData(URI_LIST).split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#'))?.trim() ?? null

function carriesImage(e: DragEvent): boolean {
  const types = Array.from(e.dataTransfer.types)
  return types.includes('Files') || types.includes(ASSET_MIME) || types.includes(URI_LIST)
}


/**
 * Makes an element accept images: OS files (imported first), bin items and other slots. A refused image
 * changes nothing and leaves its reason on screen for a few seconds.
 */
export function useImageDrop(onAssets: (assets: Asset[]) => void) {
  const [state, setState] = useState<ImageDropState>({ over: false, busy: false, refusal: null })
  const refusalTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const privateUrl = usePrivateUrlConfirm()

  // The reason stays until the user does something else (or a few seconds pass), so it is read, then gone.
  useEffect(() => {
    if (!state.refusal) return
    const clear = () => setState((s) => ({ ...s, refusal: null, croppable: null }))
    // With a crop on offer, Tab must be able to reach it: only Escape (or a press elsewhere) dismisses.
    const onKey = (e: KeyboardEvent) => (!state.croppable || e.key === 'Escape') && clear()
    window.addEventListener('pointerdown', clear)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pointerdown', clear)
      window.removeEventListener('keydown', onKey)
    }
  }, [state.refusal, state.croppable])

  /** A link to this computer or a private network is downloaded only once the user says so; null if they say no. */
  async function importDroppedUrl(url: string): Promise<ImportOutcome | null> {
    const first = await importUrl(url)
    if (!first.privateRefusal) return first
    setState((s) => ({ ...s, busy: false }))
    if (!(await privateUrl.ask(first.privateRefusal))) return null
    setState((s) => ({ ...s, busy: true }))
    return importUrl(url, true)
  }

  function refuse(reason: string, croppable: Asset | null = null) {
    clearTimeout(refusalTimer.current)
    setState({ over: false, busy: false, refusal: reason, croppable })
    if (!croppable) refusalTimer.current = setTimeout(() => setState((s) => ({ ...s, refusal: null })), REFUSAL_MS)
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
    const url = files.length === 0 ? droppedUrl(e) : null
    if (files.length === 0 && !url) return setState((s) => ({ ...s, over: false }))
    setState({ over: false, busy: true, refusal: null })
    const outcome = url ? await importDroppedUrl(url) : await importFiles(files)
    if (!outcome) return setState({ over: false, busy: false, refusal: null })
    const { assets, refused, croppable } = outcome
    const total = url ? 1 : files.length
    // A single refused image is explained (and offered for cropping) where it was dropped.
    if (assets.length === 0 && total === 1) return refuse(refused[0]?.message ?? 'That file is not an image Omniboard can use.', croppable ?? null)
    setState({ over: false, busy: false, refusal: null })
    reportRefusals(refused, total, refuse)
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
  const dismissRefusal = () => setState((s) => ({ ...s, refusal: null, croppable: null }))
  /** The question before a private-address download; whoever renders the drop target renders it too. */
  return { state, dropHandlers, refuse, dismissRefusal, privateUrlDialog: privateUrl.dialog }
}

export function startAssetDrag(e: DragEvent, assetId: string): void {
  e.dataTransfer.setData(ASSET_MIME, assetId)
  e.dataTransfer.effectAllowed = 'copy'
}
