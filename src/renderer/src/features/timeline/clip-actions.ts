import { createClip, createShot } from '../../../../shared/domain/edits'
import { newId } from '../../../../shared/domain/ids'
import { useStore } from '../../store/store'

const store = () => useStore.getState()

export function addClip(): void {
  const doc = store().doc
  if (!doc) return
  const clip = createClip(doc.defaults, newId())
  store().edit({ type: 'addClip', clip })
  store().selectClip(clip.id)
}

/** The new clip lands at the end of a track that is often wider than the window: bring it into view. */
export function addClipInView(track: HTMLElement | null): void {
  addClip()
  requestAnimationFrame(() => {
    if (track) track.scrollLeft = track.scrollWidth
  })
}

export function addShot(clipId: string): void {
  const shot = createShot(newId(), '', 2)
  store().edit({ type: 'addShot', clipId, shot })
  store().selectShot(clipId, shot.id)
}

/** Delete removes the selected shot when one is selected, otherwise the clip; selection moves to a neighbour. */
export function removeSelection(): void {
  const { doc, selectedClipId, selectedShotId } = store()
  const index = doc?.clips.findIndex((c) => c.id === selectedClipId) ?? -1
  const clip = doc?.clips[index]
  if (!doc || !clip) return
  if (selectedShotId && clip.shots.some((s) => s.id === selectedShotId)) {
    store().edit({ type: 'removeShot', clipId: clip.id, shotId: selectedShotId })
    store().selectClip(clip.id)
    return
  }
  store().edit({ type: 'removeClip', clipId: clip.id })
  const neighbour = doc.clips[index + 1] ?? doc.clips[index - 1] ?? null
  store().selectClip(neighbour?.id ?? null)
}

export function moveSelection(delta: number): void {
  const { doc, selectedClipId } = store()
  if (!doc || doc.clips.length === 0) return
  const index = doc.clips.findIndex((c) => c.id === selectedClipId)
  const next = index === -1 ? 0 : Math.min(doc.clips.length - 1, Math.max(0, index + delta))
  store().selectClip(doc.clips[next]!.id)
}

export function moveSelectedClip(delta: number): void {
  const { doc, selectedClipId } = store()
  const index = doc?.clips.findIndex((c) => c.id === selectedClipId) ?? -1
  if (!doc || !selectedClipId || index === -1) return
  const toIndex = index + delta
  if (toIndex < 0 || toIndex >= doc.clips.length) return
  store().edit({ type: 'moveClip', clipId: selectedClipId, toIndex })
}
