import { createClip, createElement, createShot } from '../../../shared/domain/edits'
import { elementToken } from '../../../shared/domain/api-rules'
import type { Clip, ProjectDocument } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { defaultSessionDeps, type FileProjectSession, type SessionDeps } from './file-project-session'
import { createProject } from './open-project'
import { drawSampleImages } from './sample-images'
import { SAMPLE_PROJECT_NAME } from '../../../shared/domain/sample'

/**
 * A full storyboard for a first start: three clips, one of them a three-shot multi-shot clip that uses an
 * element, with images drawn on the spot. The last frame is on a single-prompt clip, because multi-shot with
 * an end frame may be refused by the API.
 */
export async function createSampleProject(parentDir: string, deps: SessionDeps = defaultSessionDeps): Promise<FileProjectSession> {
  const session = await createProject(parentDir, SAMPLE_PROJECT_NAME, deps)
  try {
    const ids = new Map<string, string>()
    for (const image of await drawSampleImages()) {
      const { assets, rejected } = await session.importBytes(image.name, image.bytes)
      const asset = assets[0]
      if (asset === undefined) fail('internal', `The sample image ${image.name} was refused: ${rejected[0]?.error.message ?? ''}`, '')
      ids.set(image.name, asset.id)
    }
    const asset = (name: string): string => ids.get(name) ?? fail('internal', `Missing sample image ${name}`, '')
    session.applyEdits([{ type: 'replaceDocument', document: sampleDocument(session.project(), asset, deps.newId) }])
    await session.saveNow()
    return session
  } catch (cause) {
    await session.forceClose()
    throw cause
  }
}

function sampleDocument(base: ProjectDocument, asset: (name: string) => string, newId: () => string): ProjectDocument {
  const defaults = base.defaults
  const keeper = { ...createElement(newId(), 'The keeper'), frontalAssetId: asset('keeper-front.png'), referenceAssetIds: [asset('keeper-lantern.jpg')] }
  const keeperToken = elementToken(1)
  const clip = (title: string, patch: Partial<Clip>): Clip => ({ ...createClip(defaults, newId(), title), ...patch })
  const clips = [
    clip('Lighthouse at dusk', {
      prompt: 'Slow push-in on a lone lighthouse at dusk. The sky fades from orange to deep blue and the lamp flickers on.',
      firstFrameAssetId: asset('dusk.png'),
      lastFrameAssetId: asset('night.jpg'),
    }),
    clip('The keeper lights the lamp', {
      duration: 10,
      multiShot: true,
      shotType: 'customize',
      shots: [
        createShot(newId(), `${keeperToken} climbs the spiral stairs, lantern in hand, wind howling outside.`, 3),
        createShot(newId(), `Close on ${keeperToken} polishing the great lens as it starts to turn.`, 4),
        createShot(newId(), 'Wide from the sea: the beam sweeps across the dark water.', 3),
      ],
      firstFrameAssetId: asset('night.jpg'),
      elementIds: [keeper.id],
    }),
    clip('Beam over the storm', {
      prompt: 'Storm waves crash against the rocks below the lighthouse; the beam cuts through rain. Handheld, tense.',
      negativePrompt: 'text, watermark',
      sound: 'on',
      firstFrameAssetId: asset('storm.jpg'),
    }),
  ]
  return { ...base, clips, elements: [keeper] }
}
