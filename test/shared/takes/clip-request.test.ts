import { beforeAll, describe, expect, it } from 'vitest'
import { buildRequestBody } from '../../../src/main/services/mulerouter'
import { clipRequestSnapshot } from '../../../src/shared/takes/clip-request'
import { diffRequests } from '../../../src/shared/takes/request-diff'
import { imageLibrary, makeClip, makeElement, makeImage, type TestImage } from '../../main/mulerouter/helpers'

let images: TestImage[]
beforeAll(async () => {
  images = await Promise.all([1, 2, 3].map((i) => makeImage(i, 'png')))
})

describe('the request a clip would send, as a take records it', () => {
  it('is what a take of the clip records, so an unchanged clip shows no change', async () => {
    const [first, front, reference] = images as [TestImage, TestImage, TestImage]
    const element = makeElement('el_1', front, [reference])
    const clip = makeClip({ firstFrameAssetId: first.asset.id, elementIds: ['el_1'], negativePrompt: 'blur' })
    const { readAsset, assets } = imageLibrary(images)
    const built = await buildRequestBody(clip, { assets, elements: [element] }, readAsset, { imageEncoding: 'raw' })

    const snapshot = clipRequestSnapshot(clip, { elements: [element] })
    // The snapshot names every field that goes into the request, each image by its content hash, never its bytes.
    expect(snapshot).toEqual({
      duration: clip.duration, mode: clip.mode, aspect_ratio: clip.aspectRatio, sound: clip.sound, prompt: clip.prompt, negative_prompt: 'blur',
      first_frame: `asset:${first.asset.id}`,
      elements: [{ type: 'image', frontal_image: `asset:${front.asset.id}`, reference_images: [`asset:${reference.asset.id}`] }],
    })
    expect(snapshot).toEqual(built.snapshot)
    expect(diffRequests(built.snapshot, snapshot)).toEqual([])
  })

  it('shows an edited prompt and a new last frame as changes from the take', async () => {
    const [first] = images as [TestImage]
    const clip = makeClip()
    const { readAsset, assets } = imageLibrary(images)
    const built = await buildRequestBody(clip, { assets, elements: [] }, readAsset, { imageEncoding: 'raw' })

    const edited = clipRequestSnapshot({ ...clip, prompt: `${clip.prompt} at dusk`, lastFrameAssetId: first.asset.id }, { elements: [] })
    expect(diffRequests(built.snapshot, edited).map((change) => change.field)).toEqual(['prompt', 'last_frame'])
  })
})
