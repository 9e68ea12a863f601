import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FakeMuleRouter } from '../../../src/fake-mulerouter'
import type { ProjectSession } from '../../../src/main/services/project/project-session'
import { pngOf, jpegOf } from '../images/test-images'
import { engineFor, makeProject, recorder, removeDir, reopen, startFake, takeOf, tempDir } from './harness'

type SentBody = { first_frame?: string; elements?: { frontal_image: string; reference_images: string[] }[] }

describe('images in the request, first send and later sends', () => {
  let dir: string
  let fake: FakeMuleRouter
  let session: ProjectSession
  let frame: Buffer
  let face: Buffer
  let side: Buffer

  beforeEach(async () => {
    dir = await tempDir()
    fake = await startFake()
    session = await makeProject(dir, ['<<<element_1>>> walks along the pier'])
    frame = await pngOf(640, 360, 1)
    face = await jpegOf(400, 400, 2)
    side = await pngOf(400, 500, 3)
    const imported = await Promise.all([frame, face, side].map((bytes, i) => session.importBytes(`image-${i}.${i === 1 ? 'jpg' : 'png'}`, bytes)))
    const [frameId, faceId, sideId] = imported.map((result) => result.assets[0]!.id)
    const clipId = session.project().clips[0]!.id
    session.applyEdits([
      { type: 'setFrame', clipId, slot: 'first', assetId: frameId! },
      { type: 'addElement', element: { id: 'hero', name: 'Hero', frontalAssetId: faceId!, referenceAssetIds: [sideId!] } },
      { type: 'attachElement', clipId, elementId: 'hero' },
    ])
    await session.saveNow()
  })
  afterEach(async () => {
    await session.close().catch(() => undefined)
    await fake.close()
    await removeDir(dir)
  })

  const decoded = (body: SentBody) => [body.first_frame, body.elements?.[0]?.frontal_image, body.elements?.[0]?.reference_images[0]].map((value) => Buffer.from(value ?? '', 'base64'))

  it('sends the asset bytes as raw base64 and journals only asset references', async () => {
    const engine = engineFor(session, fake, recorder())
    const take = await engine.start(session.project().clips[0]!.id)
    await engine.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect(decoded(fake.submits()[0]!.body as SentBody)).toEqual([frame, face, side])
    expect(JSON.stringify(take.request)).toMatch(/"first_frame":"asset:[a-f0-9]{64}"/)
    expect(JSON.stringify(takeOf(session, take.id))).not.toContain(frame.toString('base64').slice(0, 40))
  })

  it('a take queued before a restart is sent after it with the same images, rebuilt from the journal', async () => {
    const first = engineFor(session, fake, recorder(), { maxConcurrentJobs: 1 })
    first.setOnline(false)
    const take = await first.start(session.project().clips[0]!.id)
    await first.dispose()
    await session.close()
    session = await reopen(session.dir)
    expect(takeOf(session, take.id)).toMatchObject({ status: 'submitting', submittedAt: null })
    const second = engineFor(session, fake, recorder())
    await second.resume()
    await second.idle()
    expect(takeOf(session, take.id).status).toBe('completed')
    expect(fake.submits()).toHaveLength(1)
    expect(decoded(fake.submits()[0]!.body as SentBody)).toEqual([frame, face, side])
  })
})
