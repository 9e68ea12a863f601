import { createNextShot } from '../../../../../shared/domain/create'
import { newId } from '../../../../../shared/domain/ids'
import type { Take } from '../../../../../shared/domain/project'
import type { VideoReference } from '../../../../../shared/domain/video-reference'
import { useStore } from '../../../store/store'

const store = () => useStore.getState()

/** "New shot from this take": a clip right after the take's clip that follows its camera, motion and style. */
export function addNextShot(take: Take): void {
  const doc = store().doc
  const index = doc?.clips.findIndex((clip) => clip.id === take.clipId) ?? -1
  const source = doc?.clips[index]
  if (!doc || !source) return
  const clip = createNextShot(doc.defaults, source, take.id, newId())
  store().edit({ type: 'addClip', clip, index: index + 1 })
  store().selectClip(clip.id)
}

export function setVideoReference(clipId: string, videoReference: VideoReference | null): void {
  store().edit({ type: 'setVideoReference', clipId, videoReference })
}
