import { describe, expect, it } from 'vitest'
import {
  elementTokenNumbers,
  insertToken,
  parsePromptSegments,
  remapElementTokens,
  tokenFor,
} from '../../../src/shared/domain/element-tokens'

describe('element tokens in prompt text', () => {
  it('splits a prompt into text and element chips', () => {
    expect(parsePromptSegments('A <<<element_1>>> meets <<<element_12>>>')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'element', n: 1 },
      { kind: 'text', text: ' meets ' },
      { kind: 'element', n: 12 },
    ])
    expect(parsePromptSegments('')).toEqual([])
    expect(parsePromptSegments('<<<element_x>>> <<element_1>>')).toEqual([{ kind: 'text', text: '<<<element_x>>> <<element_1>>' }])
  })

  it('reads image and video tokens as chips of their own, which element renumbering leaves alone', () => {
    expect(parsePromptSegments('<<<video_1>>> with <<<image_2>>> and <<<element_1>>>')).toEqual([
      { kind: 'video', n: 1 },
      { kind: 'text', text: ' with ' },
      { kind: 'image', n: 2 },
      { kind: 'text', text: ' and ' },
      { kind: 'element', n: 1 },
    ])
    expect(elementTokenNumbers('<<<image_3>>> <<<element_2>>>')).toEqual([2])
    expect(remapElementTokens('<<<image_1>>> <<<element_1>>>', () => 2)).toBe('<<<image_1>>> <<<element_2>>>')
  })

  it('gives the same answer on repeated calls (no regex state leaks between them)', () => {
    const text = '<<<element_1>>> <<<element_2>>>'
    expect(elementTokenNumbers(text)).toEqual([1, 2])
    expect(elementTokenNumbers(text)).toEqual([1, 2])
  })

  it('inserts a token at the cursor, clamping the position and never splitting a token', () => {
    expect(insertToken('a cat', 2, tokenFor('element', 3))).toBe('a <<<element_3>>>cat')
    expect(insertToken('cat', 99, tokenFor('element', 1))).toBe('cat<<<element_1>>>')
    expect(insertToken('cat', -4, tokenFor('element', 1))).toBe('<<<element_1>>>cat')
    expect(insertToken('x<<<element_1>>>y', 5, tokenFor('element', 2))).toBe('x<<<element_1>>><<<element_2>>>y')
  })

  it('renumbers tokens and deletes removed ones with one neighbouring space', () => {
    const remap = (n: number) => (n === 2 ? null : n > 2 ? n - 1 : n)
    expect(remapElementTokens('a <<<element_2>>> b <<<element_3>>>', remap)).toBe('a b <<<element_2>>>')
    expect(remapElementTokens('with <<<element_2>>>.', remap)).toBe('with.')
    expect(remapElementTokens('<<<element_2>>> leads', remap)).toBe('leads')
    expect(remapElementTokens('no tokens', remap)).toBe('no tokens')
  })
})
