import { describe, expect, it } from 'vitest'
import { parseFdx } from '../../../src/shared/script/fdx'
import { scriptFixture } from './script-fixtures'

const parsed = parseFdx(scriptFixture('lighthouse.fdx'))
const script = parsed.ok ? parsed.value : null

describe('Final Draft (.fdx)', () => {
  it('reads scene numbers, and the page and length Final Draft states', () => {
    expect(script?.scenes.map((s) => [s.key, s.number, s.heading, s.page, s.eighths])).toEqual([
      ['#12', '12', 'INT. LIGHTHOUSE - NIGHT', 3, 11],
      ['#12A', '12A', 'EXT. LIGHTHOUSE DOOR - CONTINUOUS', 4, 4],
    ])
    expect(script?.title).toBe('The Lighthouse Keeper')
  })

  it('joins styled text runs, capitalises cues as Final Draft shows them, and decodes entities', () => {
    const [action, speech] = script!.scenes[0]!.elements
    expect(action).toEqual({ type: 'action', text: 'Élodie, sixties, climbs the spiral stairs with a paraffin lamp. Rain streams down the small windows.' })
    expect(speech).toEqual({ type: 'dialogue', cue: 'ÉLODIE', dual: false, lines: [{ parenthetical: '(to herself)', text: 'Not tonight. Not on my watch.' }] })
    expect(script!.scenes[1]!.elements[0]).toEqual({ type: 'action', text: 'Tomas, soaked, pounds the door & shouts.' })
  })

  it('reads dual dialogue wrapped in a paragraph, and centered text', () => {
    expect(script!.scenes[1]!.elements.slice(1)).toEqual([
      { type: 'dialogue', cue: 'ÉLODIE', dual: true, lines: [{ parenthetical: null, text: 'No!' }] },
      { type: 'dialogue', cue: "TOMAS (CONT'D)", dual: true, lines: [{ parenthetical: null, text: "You'll drown in there!" }] },
      { type: 'centered', text: 'THE END' },
    ])
  })

  it('refuses a file that is not Final Draft XML', () => {
    const result = parseFdx('<html><body>hello</body></html>')
    expect(result.ok ? null : result.error.code).toBe('script_unreadable')
  })
})
