import { createClip, createElement } from '../../src/shared/domain/edits'
import { defaultProjectDefaults, PROJECT_SCHEMA_VERSION, type Project } from '../../src/shared/domain/project'
import { makeAsset } from './fake-bridge'

/** Two clips with prompts, one element with a frontal image, one imported image. */
export function twoClipProject(): Project {
  const clip1 = { ...createClip(defaultProjectDefaults, 'clip1'), prompt: 'A lighthouse at dusk' }
  const clip2 = { ...createClip(defaultProjectDefaults, 'clip2'), prompt: 'Waves against the rocks' }
  const element = { ...createElement('el1', 'The keeper'), frontalAssetId: makeAsset(2).id, referenceAssetIds: [makeAsset(2).id] }
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    id: 'project1',
    name: 'Test project',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    defaults: defaultProjectDefaults,
    clips: [clip1, clip2],
    assets: [makeAsset(1), makeAsset(2)],
    elements: [element],
    takes: [],
  }
}

/** Clip 1 as a 10 s customize multi-shot clip of three shots (3 + 4 + 3 s). */
export function threeShotProject(): Project {
  const project = twoClipProject()
  project.clips[0] = {
    ...project.clips[0]!,
    multiShot: true,
    duration: 10,
    shots: [
      { id: 's1', prompt: 'Wide', duration: 3 },
      { id: 's2', prompt: 'Close', duration: 4 },
      { id: 's3', prompt: 'Wide again', duration: 3 },
    ],
  }
  return project
}
