import { describe, expect, it } from 'vitest'
import type { Clip } from '../../../src/shared/domain/project'
import { isClipSendable, summarizeIssues, validateClip } from '../../../src/shared/domain/validate-clip'
import { asset, multiShotClip } from './fixtures'
import { library, only, rulesOf, validClip, validElement } from './validate-fixtures'

const tenMegabytes = 10 * 1024 * 1024

describe('validateClip — duration and settings', () => {
  it('accepts 3 and 15 s, refuses 2 and 16 s and fractions', () => {
    const lib = library()
    expect(validateClip(validClip({ duration: 3 }), lib)).toEqual([])
    expect(validateClip(validClip({ duration: 15 }), lib)).toEqual([])
    for (const duration of [2, 16, 5.5]) {
      const issues = validateClip(validClip({ duration }), lib)
      expect(issues).toEqual([
        { path: 'duration', severity: 'error', rule: 'duration_range', message: `The clip lasts ${duration} s — it must be a whole number of seconds from 3 to 15.` },
      ])
    }
  })

  it('refuses a mode, aspect ratio, sound or shot type the API does not know', () => {
    const clip = validClip({ mode: 'ultra', aspectRatio: '4:3', sound: 'loud', shotType: 'auto' } as unknown as Partial<Clip>)
    expect(rulesOf(validateClip(clip, library()))).toEqual(['mode_value', 'aspect_ratio_value', 'sound_value', 'shot_type_value'])
  })
})

describe('validateClip — frames and elements', () => {
  it('refuses a last frame without a first frame', () => {
    const frame = asset()
    const issues = validateClip(validClip({ lastFrameAssetId: frame.id }), library({ assets: [frame] }))
    expect(rulesOf(issues)).toEqual(['last_frame_needs_first'])
    expect(issues[0]!.path).toBe('lastFrame')
  })

  it('allows 7 frame images and elements together and refuses 8, saying how many to remove', () => {
    const first = asset()
    const last = asset()
    const lib = library({ assets: [first, last] })
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']
    lib.elements.push(...ids.slice(1).map((id) => validElement(id, lib)))
    const frames = { firstFrameAssetId: first.id, lastFrameAssetId: last.id }
    expect(only(validateClip(validClip({ ...frames, elementIds: ids.slice(0, 5) }), lib), 'images_and_elements_limit')).toEqual([])
    expect(only(validateClip(validClip({ ...frames, elementIds: ids }), lib), 'images_and_elements_limit')).toEqual([
      {
        path: 'elements',
        severity: 'error',
        rule: 'images_and_elements_limit',
        message: 'This clip uses 2 frame images and 6 elements, 8 in all — the API allows 7 combined. Remove 1.',
      },
    ])
  })

  it('refuses a clip element that is no longer in the library', () => {
    const issues = validateClip(validClip({ elementIds: ['e1', 'gone'] }), library())
    expect(issues).toEqual([
      { path: 'elements.1', severity: 'error', rule: 'element_missing', message: "Element 2 is no longer in the project's library. Remove it from this clip." },
    ])
  })

  it('requires a frontal image and 1 to 3 reference images on each element', () => {
    const lib = library()
    const base = lib.elements[0]!
    const refs = [...lib.assets.slice(1), asset(), asset(), asset()]
    lib.assets.push(...refs.slice(1))
    const ids = refs.map((a) => a.id)
    lib.elements.push(
      { ...base, id: 'noFront', frontalAssetId: null },
      { ...base, id: 'noRefs', referenceAssetIds: [] },
      { ...base, id: 'threeRefs', referenceAssetIds: ids.slice(0, 3) },
      { ...base, id: 'fourRefs', referenceAssetIds: ids.slice(0, 4) },
    )
    const issues = validateClip(validClip({ elementIds: ['noFront', 'noRefs', 'threeRefs', 'fourRefs'] }), lib)
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['elements.0.frontalImage', 'element_frontal_required'],
      ['elements.1.referenceImages', 'element_reference_count'],
      ['elements.3.referenceImages', 'element_reference_count'],
    ])
    expect(issues[2]!.message).toBe('Element 4 (Hero) has 4 reference images — it needs 1 to 3.')
  })

  it('refuses a frame or element image that is not in the project', () => {
    const lib = library()
    lib.elements[0] = { ...lib.elements[0]!, referenceAssetIds: ['0'.repeat(64)] }
    const issues = validateClip(validClip({ firstFrameAssetId: 'f'.repeat(64), elementIds: ['e1'] }), lib)
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['firstFrame', 'asset_missing'],
      ['elements.0.referenceImages.0', 'asset_missing'],
    ])
  })
})

describe('validateClip — image limits', () => {
  const frameIssues = (overrides: Parameters<typeof asset>[0]) => {
    const frame = asset(overrides)
    return validateClip(validClip({ firstFrameAssetId: frame.id, aspectRatio: '1:1' }), library({ assets: [frame] })).filter(
      (i) => i.severity === 'error',
    )
  }

  it('accepts 300 px sides and refuses 299 px', () => {
    expect(frameIssues({ width: 300, height: 300 })).toEqual([])
    expect(frameIssues({ width: 299, height: 400 })).toEqual([
      { path: 'firstFrame', severity: 'error', rule: 'image_too_small', message: 'The first frame is 299×400 px — both sides must be at least 300 px.' },
    ])
    expect(rulesOf(frameIssues({ width: 400, height: 299 }))).toEqual(['image_too_small'])
  })

  it('accepts an aspect of exactly 2.5:1 or 1:2.5 and refuses 2.6:1', () => {
    expect(frameIssues({ width: 750, height: 300 })).toEqual([])
    expect(frameIssues({ width: 300, height: 750 })).toEqual([])
    expect(frameIssues({ width: 780, height: 300 })).toEqual([
      {
        path: 'firstFrame',
        severity: 'error',
        rule: 'image_aspect',
        message: 'The first frame is 780×300 px, an aspect ratio of 2.6:1 — it must lie between 1:2.5 and 2.5:1. Crop it.',
      },
    ])
    expect(rulesOf(frameIssues({ width: 300, height: 780 }))).toEqual(['image_aspect'])
  })

  it('accepts exactly 10 MB and refuses one byte more', () => {
    expect(frameIssues({ bytes: tenMegabytes, width: 1000, height: 1000 })).toEqual([])
    const [issue] = frameIssues({ bytes: tenMegabytes + 1, width: 1000, height: 1000 })
    expect(issue).toMatchObject({ rule: 'image_too_large', message: expect.stringContaining('1 byte over') })
  })

  it('refuses an image that is neither JPEG nor PNG', () => {
    expect(rulesOf(frameIssues({ mime: 'image/webp' as 'image/png', width: 1000, height: 1000 }))).toEqual(['image_format'])
  })

  it('checks element images with the same limits, naming the element', () => {
    const lib = library()
    const tiny = asset({ width: 200, height: 200 })
    lib.assets.push(tiny)
    lib.elements[0] = { ...lib.elements[0]!, frontalAssetId: tiny.id }
    const [issue] = validateClip(validClip({ elementIds: ['e1'] }), lib)
    expect(issue).toMatchObject({ path: 'elements.0.frontalImage', rule: 'image_too_small', message: expect.stringContaining("Element 1 (Hero)'s frontal image is 200×200 px") })
  })
})

describe('validateClip — warnings from sister pages', () => {
  it('warns, without blocking, when a clip with a frame has more than 3 elements', () => {
    const frame = asset()
    const lib = library({ assets: [frame] })
    lib.elements.push(...['e2', 'e3', 'e4'].map((id) => validElement(id, lib)))
    const three = validateClip(validClip({ firstFrameAssetId: frame.id, elementIds: ['e1', 'e2', 'e3'] }), lib)
    expect(three).toEqual([])
    const four = validateClip(validClip({ firstFrameAssetId: frame.id, elementIds: ['e1', 'e2', 'e3', 'e4'] }), lib)
    expect(four.map((i) => [i.rule, i.severity])).toEqual([['elements_with_frames', 'warning']])
    expect(four[0]!.message).toContain("MuleRouter's image-to-video page")
    expect(isClipSendable(four)).toBe(true)
  })

  it('warns that multi-shot with a last frame may be refused', () => {
    const [first, last] = [asset(), asset()]
    const clip = multiShotClip('a', [3, 2], { firstFrameAssetId: first.id, lastFrameAssetId: last.id })
    const issues = validateClip(clip, library({ assets: [first, last] }))
    expect(issues.map((i) => [i.path, i.rule, i.severity])).toEqual([['lastFrame', 'multi_shot_with_last_frame', 'warning']])
    expect(issues[0]!.message).toContain("Kling's older Omni docs")
  })

  it('warns when the first frame is far from the chosen aspect ratio and names the closest one', () => {
    const square = asset({ width: 1024, height: 1024 })
    const issues = validateClip(validClip({ firstFrameAssetId: square.id, aspectRatio: '16:9' }), library({ assets: [square] }))
    expect(issues.map((i) => [i.path, i.rule, i.severity])).toEqual([['aspectRatio', 'aspect_ratio_follows_first_frame', 'warning']])
    expect(issues[0]!.message).toContain('1:1 is the closest choice')
    const wide = asset({ width: 1920, height: 1200 })
    expect(validateClip(validClip({ firstFrameAssetId: wide.id, aspectRatio: '16:9' }), library({ assets: [wide] }))).toEqual([])
  })
})

describe('isClipSendable and summarizeIssues', () => {
  it('blocks on errors only and gives a headline with the first thing to fix', () => {
    const issues = validateClip(validClip({ prompt: '', duration: 20 }), library())
    expect(isClipSendable(issues)).toBe(false)
    expect(summarizeIssues(issues)).toEqual({ errors: 2, warnings: 0, headline: '2 problems to fix before generating', firstError: issues[0] })
    expect(summarizeIssues([])).toEqual({ errors: 0, warnings: 0, headline: 'Ready to generate', firstError: null })
    expect(isClipSendable([])).toBe(true)
  })
})
