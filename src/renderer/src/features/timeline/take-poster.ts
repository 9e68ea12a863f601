import { useEffect, useSyncExternalStore } from 'react'
import { invoke } from '../../ipc/client'
import { mediaUrl } from '../../ipc/media-url'

/** A small still per take, drawn once from the video and kept as a JPEG Blob URL; 'none' when it cannot be. */
type Poster = string | 'none'
const POSTER_WIDTH = 192
const posters = new Map<string, Poster>()
const requested = new Set<string>()
const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
// One video is decoded at a time: a storyboard of hundreds of takes must not load them all at once.
let queue: Promise<void> = Promise.resolve()

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.addEventListener(event, () => resolve(), { once: true })
    target.addEventListener('error', () => reject(new Error('video')), { once: true })
  })
}

async function drawStill(videoUrl: string): Promise<string> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.src = videoUrl
  await once(video, 'loadeddata')
  // A moment in, not the very first frame, which is often black on a fade-in.
  video.currentTime = Math.min(0.5, video.duration / 2 || 0)
  await once(video, 'seeked')
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = Math.round((POSTER_WIDTH * video.videoHeight) / Math.max(1, video.videoWidth))
  canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height)
  video.removeAttribute('src')
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
  if (!blob) throw new Error('poster')
  return URL.createObjectURL(blob)
}

async function makePoster(takeId: string): Promise<void> {
  const media = await invoke('media:takeVideo', { takeId, index: 0 })
  let poster: Poster = 'none'
  if (media.ok) {
    const videoUrl = mediaUrl(media.value)
    poster = await drawStill(videoUrl).catch(() => 'none' as const)
    URL.revokeObjectURL(videoUrl)
  }
  posters.set(takeId, poster)
  listeners.forEach((listener) => listener())
}

/** The poster of a finished take, made on first use; null until it is ready or when there is none. */
export function useTakePoster(takeId: string | null): string | null {
  const poster = useSyncExternalStore(subscribe, () => (takeId ? (posters.get(takeId) ?? null) : null))
  useEffect(() => {
    if (!takeId || requested.has(takeId)) return
    requested.add(takeId)
    queue = queue.then(() => makePoster(takeId))
  }, [takeId])
  return poster === 'none' ? null : poster
}

/** Frees every poster, e.g. when the project closes. */
export function releasePosters(): void {
  for (const poster of posters.values()) if (poster !== 'none') URL.revokeObjectURL(poster)
  posters.clear()
  requested.clear()
  listeners.forEach((listener) => listener())
}
