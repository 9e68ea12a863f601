import { describe, expect, it } from 'vitest'
import { createShot } from '../../../src/shared/domain/create'
import { validateClip } from '../../../src/shared/domain/validate-clip'
import { multiShotClip } from './fixtures'
import { library, only, rulesOf, validClip } from './validate-fixtures'

const lib = library()
const check = (overrides: Parameters<typeof validClip>[0]) => validateClip(validClip(overrides), lib)
/** A 3 s clip of 1 s shots whose prompts have the given lengths. */
const withShotPrompts = (...lengths: number[]) =>
  multiShotClip('a', lengths.map(() => 1), { shots: lengths.map((n, i) => ({ id: `s${i}`, prompt: 'x'.repeat(n), duration: 1 })) })

describe('validateClip — prompts', () => {
  it('accepts a plain valid clip without a single issue', () => {
    expect(validateClip(validClip(), lib)).toEqual([])
  })

  it('accepts a 2500-character prompt and refuses 2501, saying how many to cut', () => {
    expect(check({ prompt: 'x'.repeat(2500) })).toEqual([])
    expect(check({ prompt: 'x'.repeat(2501) })).toEqual([
      { path: 'prompt', severity: 'error', rule: 'prompt_too_long', message: 'The prompt is 2,501 characters — the limit is 2,500. Cut 1.' },
    ])
  })

  it('accepts a 2500-character negative prompt and refuses 2501', () => {
    expect(check({ negativePrompt: 'x'.repeat(2500) })).toEqual([])
    const [issue] = check({ negativePrompt: 'x'.repeat(2501) })
    expect(issue).toMatchObject({ path: 'negativePrompt', rule: 'negative_prompt_too_long', severity: 'error' })
  })

  it('requires a prompt that is not just spaces for a single-prompt clip', () => {
    expect(rulesOf(check({ prompt: '' }))).toEqual(['prompt_required'])
    expect(rulesOf(check({ prompt: '  \n ' }))).toEqual(['prompt_required'])
  })

  it('requires the prompt for intelligent multi-shot, which writes its shots from it', () => {
    expect(rulesOf(check({ multiShot: true, shotType: 'intelligence', prompt: ' ' }))).toEqual(['prompt_required'])
  })

  it('ignores the prompt of a customize multi-shot clip, which the API does not read', () => {
    expect(validateClip(multiShotClip('a', [3, 2], { prompt: 'x'.repeat(3000) }), lib)).toEqual([])
    expect(validateClip(multiShotClip('a', [3, 2], { prompt: '' }), lib)).toEqual([])
  })
})

describe('validateClip — shots', () => {
  it('accepts a 512-character shot prompt and refuses 513, saying how many to cut', () => {
    expect(validateClip(withShotPrompts(5, 5, 512), lib)).toEqual([])
    expect(only(validateClip(withShotPrompts(5, 5, 513), lib), 'shot_prompt_too_long')[0]!.message).toContain('Cut 1.')
    expect(validateClip(withShotPrompts(5, 5, 530), lib)).toEqual([
      {
        path: 'shots.2.prompt',
        severity: 'error',
        rule: 'shot_prompt_too_long',
        message: "Shot 3's prompt is 530 characters — the limit is 512. Cut 18.",
      },
    ])
  })

  it('requires a prompt in every shot', () => {
    const clip = multiShotClip('a', [2, 2])
    clip.shots[1]!.prompt = '   '
    expect(only(validateClip(clip, lib), 'shot_prompt_required')).toEqual([
      { path: 'shots.1.prompt', severity: 'error', rule: 'shot_prompt_required', message: 'Shot 2 needs a prompt.' },
    ])
  })

  it('refuses 0 shots, accepts 1 and 6, refuses 7 and says how many to remove', () => {
    expect(rulesOf(validateClip(multiShotClip('a', [], { duration: 5 }), lib))).toEqual(['shot_count'])
    expect(validateClip(multiShotClip('a', [5]), lib)).toEqual([])
    expect(validateClip(multiShotClip('a', [1, 1, 1, 1, 1, 1]), lib)).toEqual([])
    const seven = validateClip(multiShotClip('a', [1, 1, 1, 1, 1, 1, 1]), lib)
    expect(seven).toEqual([{ path: 'shots', severity: 'error', rule: 'shot_count', message: 'This clip has 7 shots — the limit is 6. Remove 1.' }])
  })

  it('refuses a shot of 0 s or a fraction of a second, and accepts 1 s', () => {
    const zero = multiShotClip('a', [3, 3])
    zero.shots[0]!.duration = 0
    zero.duration = 3
    expect(only(validateClip(zero, lib), 'shot_duration')[0]).toMatchObject({ path: 'shots.0.duration', message: expect.stringContaining('Shot 1 lasts 0 s') })
    const fraction = multiShotClip('a', [1, 2])
    fraction.shots = fraction.shots.map((shot) => ({ ...shot, duration: 1.5 }))
    expect(only(validateClip(fraction, lib), 'shot_duration')).toHaveLength(2)
    expect(validateClip(multiShotClip('a', [1, 2]), lib)).toEqual([])
  })

  it('refuses shots that do not add up to the clip duration and says by how much', () => {
    const short = validateClip(multiShotClip('a', [3, 3], { duration: 8 }), lib)
    expect(short).toEqual([
      { path: 'shots', severity: 'error', rule: 'shot_durations_sum', message: 'The shots add up to 6 s but the clip is 8 s. Add 2 s to a shot or shorten the clip.' },
    ])
    expect(only(validateClip(multiShotClip('a', [5, 5], { duration: 8 }), lib), 'shot_durations_sum')[0]!.message).toContain('Take 2 s')
  })

  it('does not check shots of a clip that is not customize multi-shot', () => {
    expect(validateClip(validClip({ shots: [createShot('s', '', 40)] }), lib)).toEqual([])
    expect(validateClip(validClip({ multiShot: true, shotType: 'intelligence', shots: [] }), lib)).toEqual([])
  })
})

describe('validateClip — element tokens', () => {
  it('accepts tokens up to the number of clip elements and refuses one past it', () => {
    expect(check({ elementIds: ['e1'], prompt: 'A <<<element_1>>> flies' })).toEqual([])
    expect(check({ elementIds: ['e1'], prompt: 'A <<<element_2>>> flies <<<element_2>>>' })).toEqual([
      {
        path: 'prompt',
        severity: 'error',
        rule: 'element_token_out_of_range',
        message: 'The prompt refers to element 2, but this clip has 1 element. Attach it or remove the reference.',
      },
    ])
  })

  it('refuses element 0, since elements are numbered from 1', () => {
    expect(only(check({ prompt: 'A <<<element_0>>>' }), 'element_token_out_of_range')[0]!.message).toContain('numbered from 1')
  })

  it('checks tokens in shot prompts and the negative prompt too', () => {
    const clip = multiShotClip('a', [2, 2], { negativePrompt: 'no <<<element_3>>>' })
    clip.shots[1]!.prompt = 'the <<<element_1>>> lands'
    const issues = only(validateClip(clip, lib), 'element_token_out_of_range')
    expect(issues.map((i) => i.path)).toEqual(['negativePrompt', 'shots.1.prompt'])
  })
})
