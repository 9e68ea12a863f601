import { createClip, createElement, createShot } from '../../../src/shared/domain/create'
import { defaultProjectDefaults, type Asset, type Clip, type ProjectDocument } from '../../../src/shared/domain/project'

export function clip(id: string, overrides: Partial<Clip> = {}): Clip {
  return { ...createClip(defaultProjectDefaults, id), prompt: `prompt of ${id}`, ...overrides }
}

export function multiShotClip(id: string, durations: number[], overrides: Partial<Clip> = {}): Clip {
  return clip(id, {
    multiShot: true,
    shotType: 'customize',
    shots: durations.map((d, i) => createShot(`${id}s${i + 1}`, `shot ${i + 1}`, d)),
    duration: durations.reduce((a, b) => a + b, 0),
    ...overrides,
  })
}

export function doc(overrides: Partial<ProjectDocument> = {}): ProjectDocument {
  return {
    name: 'Test film',
    defaults: defaultProjectDefaults,
    clips: [clip('a'), clip('b')],
    elements: [createElement('e1', 'Hero'), createElement('e2', 'Dog'), createElement('e3', 'Car')],
    ...overrides,
  }
}

let assetCounter = 0
/** An asset with a unique well-formed id; defaults meet every image limit. */
export function asset(overrides: Partial<Asset> = {}): Asset {
  assetCounter += 1
  return {
    id: assetCounter.toString(16).padStart(64, '0'),
    mime: 'image/png',
    width: 1280,
    height: 720,
    bytes: 200_000,
    originalName: `image-${assetCounter}.png`,
    importedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}
