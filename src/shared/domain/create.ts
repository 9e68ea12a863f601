import { apiRules } from './api-rules'
import type { Clip, Element, ProjectDefaults, ProjectDocument, Shot } from './project'

/** A new clip takes the project's defaults; ids come from the caller so edits stay replayable. */
export function createClip(defaults: ProjectDefaults, id: string, title = ''): Clip {
  return {
    id,
    title,
    mode: defaults.mode,
    aspectRatio: defaults.aspectRatio,
    duration: defaults.duration,
    sound: defaults.sound,
    prompt: '',
    negativePrompt: '',
    multiShot: false,
    shotType: 'customize',
    shots: [],
    firstFrameAssetId: null,
    lastFrameAssetId: null,
    elementIds: [],
    chosenTakeId: null,
  }
}

/**
 * "New shot from this take": a clip placed after `source` that follows the take's camera, motion and style
 * (video-to-video/generation) with a prompt of its own. It keeps the source's mode, shape and length; its own sound
 * is off, as the endpoint wants with a video.
 */
export function createNextShot(defaults: ProjectDefaults, source: Clip, takeId: string, id: string): Clip {
  return {
    ...createClip(defaults, id, source.title.trim() === '' ? '' : `After ${source.title}`.slice(0, 200)),
    mode: source.mode,
    aspectRatio: source.aspectRatio,
    duration: source.duration,
    sound: 'off',
    videoReference: { source: { kind: 'take', takeId }, keepOriginalSound: false },
  }
}

/** Defaults to the shortest clip the API accepts, so a lone new shot is sendable as it stands. */
export function createShot(id: string, prompt = '', duration: number = apiRules.minDuration): Shot {
  return { id, prompt, duration: Math.max(apiRules.minShotDuration, Math.trunc(duration)) }
}

export function createElement(id: string, name: string): Element {
  return { id, name, frontalAssetId: null, referenceAssetIds: [] }
}

/** Seconds of video the storyboard adds up to, across all clips. */
export function totalDuration(doc: Pick<ProjectDocument, 'clips'>): number {
  return doc.clips.reduce((sum, clip) => sum + clip.duration, 0)
}
