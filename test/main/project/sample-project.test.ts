import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { elementTokenPattern } from '../../../src/shared/domain/api-rules'
import { openProjectSession } from '../../../src/main/services/project/open-project'
import { createSampleProject } from '../../../src/main/services/project/sample-project'
import { SAMPLE_PROJECT_NAME } from '../../../src/shared/domain/sample'
import { tempDir, testDeps } from './temp-project'

describe('sample project', () => {
  it('opens as a full storyboard: images, an element, and a three-shot clip whose shots add up', async () => {
    const created = await createSampleProject(await tempDir(), testDeps())
    await created.close()
    const session = await openProjectSession(created.dir, testDeps())
    const project = session.project()
    expect(project.name).toBe(SAMPLE_PROJECT_NAME)
    expect(project.clips.length).toBeGreaterThanOrEqual(2)
    expect(project.assets.length).toBeGreaterThanOrEqual(4)
    for (const asset of project.assets) {
      const meta = await sharp(session.assetPath(asset.id)).metadata()
      expect(Math.min(meta.width!, meta.height!)).toBeGreaterThanOrEqual(300)
      await expect(fs.access(session.thumbnailPath(asset.id))).resolves.toBeUndefined()
    }

    const multi = project.clips.find((clip) => clip.multiShot)!
    expect(multi.shotType).toBe('customize')
    expect(multi.shots).toHaveLength(3)
    expect(multi.shots.reduce((sum, shot) => sum + shot.duration, 0)).toBe(multi.duration)

    const [element] = project.elements
    expect(element!.frontalAssetId).not.toBeNull()
    expect(element!.referenceAssetIds).toHaveLength(1)
    expect(multi.elementIds).toEqual([element!.id])
    const tokens = multi.shots.flatMap((shot) => [...shot.prompt.matchAll(elementTokenPattern)].map((m) => Number(m[1])))
    expect(tokens.length).toBeGreaterThan(0)
    expect(tokens.every((n) => n === 1)).toBe(true)

    const assetIds = new Set(project.assets.map((asset) => asset.id))
    expect(project.clips.some((clip) => clip.firstFrameAssetId !== null && clip.lastFrameAssetId !== null)).toBe(true)
    for (const clip of project.clips) {
      for (const id of [clip.firstFrameAssetId, clip.lastFrameAssetId]) if (id !== null) expect(assetIds.has(id)).toBe(true)
    }
    expect(path.basename(session.dir)).toBe(`${SAMPLE_PROJECT_NAME}.omniboard`)
    await session.close()
  })
})
