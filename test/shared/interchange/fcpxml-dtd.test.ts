import { describe, expect, it } from 'vitest'
import type { CutPlan } from '../../../src/shared/cut/cut-plan'
import { editTimeline } from '../../../src/shared/interchange/edit-timeline'
import { writeFcpxml } from '../../../src/shared/interchange/fcpxml'
import { media, sampleCut } from './cut-fixtures'
import { dtdErrors } from './fcpxml-dtd'

const options = { mediaUrl: (name: string) => `file:///Users/ana/Films/Harbour%20film.omniboard/takes/${name}`, fallbackSize: { width: 1280, height: 720 } }
const fcpxml = (name: string, cut: CutPlan) => writeFcpxml(editTimeline(name, cut), options)

describe('FCPXML against Apple’s FCPXML 1.9 DTD (xmllint --dtdvalid)', () => {
  it('accepts a cut with a multi-shot take with sound, an animatic card and a silent take', () => {
    expect(dtdErrors(fcpxml('Harbour — 日本 & <friends>', sampleCut()))).toBe('')
  })

  it('gives the asset with sound its channels and rate, as Final Cut and Resolve write them, and the silent one none', () => {
    const xml = fcpxml('Harbour film', sampleCut())
    expect(xml).toMatch(/<asset id="a1" name="take-h2-0\.mp4" [^>]*hasAudio="1" audioSources="1" audioChannels="2" audioRate="48000">/)
    expect(xml).toMatch(/<asset id="a2" name="take-n1-0\.mp4" [^>]*hasAudio="0">/)
  })

  it('puts an edit take’s lineage in its clip’s note, where the DTD allows it', () => {
    const cut = sampleCut()
    cut.entries = cut.entries.map((entry) => (entry.kind === 'take' && entry.takeNumber === 2 ? { ...entry, lineage: 'Edit of take 1: add "falling" snow & fog' } : entry))
    const xml = fcpxml('Harbour film', cut)
    expect(xml).toMatch(/<asset-clip ref="a1" [^>]*>\n\s*<note>Edit of take 1: add &quot;falling&quot; snow &amp; fog<\/note>/)
    expect(dtdErrors(xml)).toBe('')
  })

  it('accepts a cut of animatic cards only, and one mixing a 29.97 fps take into a 24 fps sequence', () => {
    const cards = sampleCut()
    cards.entries = cards.entries.filter((entry) => entry.kind === 'animatic')
    expect(dtdErrors(fcpxml('Cards', cards))).toBe('')
    const mixed = sampleCut()
    const night = mixed.entries[2]!
    if (night.kind === 'take') night.media = media('take-n1-0.mp4', 75, { frameRate: { num: 30000, den: 1001 }, durationSeconds: 2.5025, audioChannels: 1, audioRate: 44100 })
    expect(dtdErrors(fcpxml('Mixed', mixed))).toBe('')
  })

  it('is a real check: a document the DTD forbids is refused', () => {
    expect(dtdErrors(fcpxml('Harbour film', sampleCut()).replace('<spine>', '<spine><clip-of-my-own/>'))).toMatch(/clip-of-my-own/)
  })
})
