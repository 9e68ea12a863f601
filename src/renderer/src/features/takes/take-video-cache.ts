import { useEffect, useSyncExternalStore } from 'react'
import { invoke } from '../../ipc/client'
import type { AppError } from '../../../../shared/errors'
import { mediaUrl } from '../../ipc/media-url'

type Entry = { url: string } | { error: AppError } | 'loading'
const entries = new Map<string, Entry>()
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

async function load(takeId: string): Promise<void> {
  if (entries.has(takeId)) return
  entries.set(takeId, 'loading')
  const result = await invoke('media:takeVideo', { takeId, index: 0 })
  entries.set(
    takeId,
    result.ok ? { url: mediaUrl(result.value) } : { error: result.error },
  )
  emit()
}

/** The video of a finished take as a Blob URL: the CSP allows blob: media and nothing remote. */
export function useTakeVideo(takeId: string | null): Entry | null {
  const entry = useSyncExternalStore(subscribe, () => (takeId ? (entries.get(takeId) ?? null) : null))
  useEffect(() => {
    if (takeId) void load(takeId)
  }, [takeId])
  return entry
}

/** The Blob URL of a take's video for callers outside React (the film player preloading the next take). */
export async function takeVideoUrl(takeId: string): Promise<string | null> {
  await load(takeId)
  // Someone else's load may still be under way; wait for it rather than fetching the bytes twice.
  if (entries.get(takeId) === 'loading') {
    await new Promise<void>((resolve) => {
      const unsubscribe = subscribe(() => {
        if (entries.get(takeId) === 'loading') return
        unsubscribe()
        resolve()
      })
    })
  }
  const entry = entries.get(takeId)
  return entry && typeof entry === 'object' && 'url' in entry ? entry.url : null
}

export function forgetTakeVideo(takeId: string): void {
  const entry = entries.get(takeId)
  if (entry && typeof entry === 'object' && 'url' in entry) URL.revokeObjectURL(entry.url)
  entries.delete(takeId)
  emit()
}
