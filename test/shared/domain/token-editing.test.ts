import { describe, expect, it } from 'vitest'
import { caretOutsideTokens, deleteWholeToken, rangeOutsideTokens } from '../../../src/shared/domain/token-editing'

const text = 'Close on <<<element_1>>> at dusk'
const start = text.indexOf('<<<')
const end = text.indexOf('>>>') + 3

describe('element tokens edit as one chip', () => {
  it('steps the caret over a token in the direction it moved', () => {
    expect(caretOutsideTokens(text, start + 1, start)).toBe(end)
    expect(caretOutsideTokens(text, end - 1, end)).toBe(start)
    expect(caretOutsideTokens(text, 3, 2)).toBe(3)
  })

  it('widens a selection that reaches into a token to the whole token', () => {
    expect(rangeOutsideTokens(text, 2, start + 4)).toEqual([2, end])
    expect(rangeOutsideTokens(text, end - 2, text.length)).toEqual([start, text.length])
  })

  it('removes the whole token with one Backspace after it or one Delete before it', () => {
    expect(deleteWholeToken(text, end, end, 'Backspace')).toEqual({ text: 'Close on  at dusk', caret: start })
    expect(deleteWholeToken(text, start, start, 'Delete')).toEqual({ text: 'Close on  at dusk', caret: start })
    expect(deleteWholeToken(text, start, start, 'Backspace')).toBeNull()
    expect(deleteWholeToken(text, 2, start + 3, 'Delete')).toEqual({ text: 'Cl at dusk', caret: 2 })
  })
})
