import { describe, expect, it } from 'vitest'
import { parseFountain } from '../../../src/shared/script/fountain'
import type { ScriptElement } from '../../../src/shared/script/screenplay'
import { scriptFixture } from './script-fixtures'

const script = parseFountain(scriptFixture('lighthouse.fountain'))
const scene = (key: string) => script.scenes.find((s) => s.key === key)!
const texts = (elements: readonly ScriptElement[]) => elements.map((e) => (e.type === 'dialogue' ? `${e.cue}${e.dual ? ' ^' : ''}: ${e.lines.map((l) => `${l.parenthetical ?? ''}${l.text}`).join(' | ')}` : `${e.type}: ${e.text}`))

describe('Fountain', () => {
  it('reads the title page and starts the script after it', () => {
    expect(script.title).toBe('The Lighthouse Keeper')
    expect(script.scenes[0]!.heading).toBe('COLD OPEN')
  })

  it('finds every scene: numbered, forced with a dot, and numbered after a forced dot', () => {
    expect(script.scenes.map((s) => [s.key, s.number, s.heading])).toEqual([
      ['COLD OPEN', null, 'COLD OPEN'],
      ['#12', '12', 'INT. LIGHTHOUSE - NIGHT'],
      ['#12A', '12A', 'EXT. LIGHTHOUSE DOOR - CONTINUOUS'],
      ['#13', '13', 'FLASHBACK - THE HARBOUR, 1979'],
    ])
  })

  it('leaves out boneyard, notes, sections and synopses, and keeps centered text and transitions', () => {
    expect(texts(scene('COLD OPEN').elements)).toEqual(['action: Waves hammer black rocks. A single beam sweeps the sea.', 'centered: THE LIGHTHOUSE'])
    const all = JSON.stringify(script)
    for (const hidden of ['older draft', 'I came as soon', 'one long take', 'foghorn', 'ACT ONE', 'refuses to leave']) expect(all).not.toContain(hidden)
    expect(texts(scene('#12').elements)).toContain('transition: CUT TO:')
  })

  it('reads characters with extensions, parentheticals and dialogue', () => {
    expect(texts(scene('#12').elements).slice(0, 5)).toEqual([
      'action: Élodie, sixties, climbs the spiral stairs with a paraffin lamp. Rain streams down the small windows.',
      'action: She reaches the lamp room and wipes the great lens with her sleeve.',
      'ÉLODIE: (to herself)Not tonight. Not on my watch.',
      'TOMAS (V.O.): Élodie! Open the door!',
      'action: Élodie freezes, then hurries back down.',
    ])
  })

  it('marks both speeches of dual dialogue and drops emphasis markers', () => {
    expect(texts(scene('#12A').elements)).toEqual([
      'action: Tomas, soaked, pounds the door. Behind him the sea climbs the jetty.',
      'TOMAS: Please!',
      'ÉLODIE ^: No!',
      "TOMAS (CONT'D) ^: You'll drown in there!",
      'action: Élodie slides the iron bolt home and listens.',
    ])
  })

  it('reads lyrics as one sung passage and a forced character with lower case', () => {
    expect(texts(scene('#13').elements)).toEqual([
      'action: A young Élodie sings on the quay as the boats come in.',
      'lyrics: The sea is wide, the sea is cold,\nmy love went out and came home old.',
      "McCLANE: Who's the girl with the voice?",
      'transition: FADE OUT.',
    ])
  })

  it('counts pages in eighths, and a page break starts the next scene on a new page', () => {
    expect(scene('#12').eighths).toBeGreaterThanOrEqual(2)
    expect(scene('#12').page).toBe(1)
    expect(scene('#13').page).toBe(2)
  })

  it('keeps a wrapped speech as one line and a parenthetical mid-speech as a new one', () => {
    const [dialogue] = parseFountain('INT. CAR - DAY\n\nBOB\nHello there,\nmy friend.\n(beat)\nAgain.\n').scenes[0]!.elements
    expect(dialogue).toEqual({ type: 'dialogue', cue: 'BOB', dual: false, lines: [{ parenthetical: null, text: 'Hello there, my friend.' }, { parenthetical: '(beat)', text: 'Again.' }] })
  })

  it('reads hostile text in time proportional to its length', () => {
    const started = performance.now()
    for (const hostile of ['*'.repeat(400_000), '/*'.repeat(200_000), '[['.repeat(200_000), `INT. ${' '.repeat(400_000)}x`, '_a'.repeat(200_000), 'A\n'.repeat(200_000)]) parseFountain(hostile)
    // Catastrophic backtracking would take minutes; a generous bound keeps the test steady on a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
