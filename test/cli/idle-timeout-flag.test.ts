import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/cli/args'

describe('--idle-timeout', () => {
  it('takes seconds, defaults to 60, and refuses what it cannot honour', () => {
    expect(parseCliArgs(['render', 'film.omniboard'])).toMatchObject({ command: 'render', idleTimeoutMs: 60_000 })
    expect(parseCliArgs(['render', 'film.omniboard', '--idle-timeout', '180'])).toMatchObject({ idleTimeoutMs: 180_000 })
    for (const bad of ['0', '5', '12.5', 'soon', '601']) {
      expect(parseCliArgs(['render', 'film.omniboard', '--idle-timeout', bad])).toMatchObject({ command: 'usage-error', message: expect.stringContaining('--idle-timeout') })
    }
  })
})
