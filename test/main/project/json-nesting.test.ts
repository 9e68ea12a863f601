import { describe, expect, it } from 'vitest'
import { tooDeeplyNestedAt } from '../../../src/main/services/project/json-nesting'

const text = (value: string) => Buffer.from(value)

describe('finding JSON nested too deeply, before parsing it', () => {
  it('allows exactly the limit and names the path to the first container past it', () => {
    expect(tooDeeplyNestedAt(text('{"a":[{"b":1}]}'), 3)).toBeNull()
    expect(tooDeeplyNestedAt(text('{"a":[{"b":[1]}]}'), 3)).toBe('a.0.b')
  })

  it('counts list positions and moves past closed neighbours', () => {
    expect(tooDeeplyNestedAt(text('{"takes":[{"x":{}},{"y":[1,2]},{"request":{"a":{"a":{}}}}]}'), 4)).toBe('takes.2.request')
  })

  it('ignores brackets, quotes and commas inside strings, and unescapes keys', () => {
    expect(tooDeeplyNestedAt(text('{"p":"[[[[{{{{\\"[[","q":["a,b","]]"]}'), 2)).toBeNull()
    expect(tooDeeplyNestedAt(text('{"say \\"hi\\"":{"é, ü":{"x":{}}}}'), 3)).toBe('say "hi".é, ü.x')
  })

  it('names the top level when the file itself is a deep list', () => {
    expect(tooDeeplyNestedAt(text(`${'['.repeat(100)}${']'.repeat(100)}`), 0)).toBe('the top level')
    expect(tooDeeplyNestedAt(text(`${'['.repeat(100)}${']'.repeat(100)}`), 64)).toBe('0.0.0')
  })
})
