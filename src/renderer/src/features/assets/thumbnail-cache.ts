import { useEffect, useSyncExternalStore } from 'react'
import { invoke } from '../../ipc/client'
import { mediaUrl } from '../../ipc/media-url'

/**
 * Blob URLs of asset thumbnails, fetched once per asset and shared by every place that shows the image
 * (bin, slots, chips). Assets are content-addressed, so a URL never goes stale while a project is open.
 */
const urls = new Map<string, string>()
const failed = new Set<string>()
const loading = new Set<string>()
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

async function load(assetId: string): Promise<void> {
  if (urls.has(assetId) || loading.has(assetId) || failed.has(assetId)) return
  loading.add(assetId)
  const result = await invoke('media:thumbnail', { assetId })
  loading.delete(assetId)
  if (result.ok) urls.set(assetId, mediaUrl(result.value))
  else failed.add(assetId)
  emit()
}

export function useThumbnailUrl(assetId: string | null): string | null {
  const url = useSyncExternalStore(subscribe, () => (assetId ? (urls.get(assetId) ?? null) : null))
  useEffect(() => {
    if (assetId) void load(assetId)
  }, [assetId])
  return url
}

/** Closing a project frees every thumbnail it loaded. */
export function releaseThumbnails(): void {
  for (const url of urls.values()) URL.revokeObjectURL(url)
  urls.clear()
  failed.clear()
  emit()
}
