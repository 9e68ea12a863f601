import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createProject } from '../../../src/main/services/project'
import { createClip, createShot } from '../../../src/shared/domain/create'
import { defaultProjectDefaults } from '../../../src/shared/domain/project'
import { pngOf } from '../images/test-images'
import { completedTake, fixturePath, fixtures } from '../media/film-fixtures'
import { tempDir, testDeps } from '../project/temp-project'

/**
 * A saved project folder as a user would have it after a few generations: four clips, three with a chosen take
 * whose file is one of the real MP4 fixtures, one with no take yet; a first frame on the first clip.
 */
export async function projectWithTakes(): Promise<string> {
  const session = await createProject(await tempDir(), 'Harbour film', testDeps())
  const imported = await session.importBytes('dawn.png', await pngOf(640, 360, 3))
  const frame = imported.assets[0]!.id
  const harbour = {
    ...createClip(defaultProjectDefaults, 'clip-harbour', 'Harbour at dawn'), multiShot: true, duration: 2, firstFrameAssetId: frame,
    shots: [createShot('shot-wide', 'Wide: the harbour in mist', 1), createShot('shot-gull', 'Close: a gull lands', 1)],
  }
  const market = { ...createClip(defaultProjectDefaults, 'clip-market', 'Market, noon'), prompt: 'Crowds & stalls', duration: 4 }
  const night = { ...createClip(defaultProjectDefaults, 'clip-night', 'Night'), prompt: 'Lanterns drift', sound: 'off' as const }
  const pier = { ...createClip(defaultProjectDefaults, 'clip-pier', 'Pier'), prompt: 'Waves on the pier', sound: 'on' as const }
  const first = session.project().clips[0]!.id
  session.applyEdits([{ type: 'removeClip', clipId: first }, ...[harbour, market, night, pier].map((clip) => ({ type: 'addClip' as const, clip }))])
  const takes = [
    completedTake('take-h1', 'clip-harbour', 'take-h1-0.mp4', 'failed'),
    completedTake('take-h2', 'clip-harbour', 'take-h2-0.mp4'),
    completedTake('take-n1', 'clip-night', 'take-n1-0.mp4'),
    completedTake('take-p1', 'clip-pier', 'take-p1-0.mp4'),
  ]
  for (const take of takes) await session.addTake(take)
  const files: Record<string, string> = { 'take-h2-0.mp4': fixtures.soundA, 'take-n1-0.mp4': fixtures.silent, 'take-p1-0.mp4': fixtures.soundB }
  for (const [name, fixture] of Object.entries(files)) await fs.copyFile(fixturePath(fixture), session.takeFilePath(name))
  session.applyEdits([
    { type: 'chooseTake', clipId: 'clip-harbour', takeId: 'take-h2' },
    { type: 'chooseTake', clipId: 'clip-night', takeId: 'take-n1' },
    { type: 'chooseTake', clipId: 'clip-pier', takeId: 'take-p1' },
  ])
  await session.saveNow()
  const dir = session.dir
  await session.close()
  return dir
}

export const pdfPageCount = (bytes: Uint8Array): number => (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length

export const exportsOf = (dir: string) => path.join(dir, 'exports')
