import { describe, expect, it } from 'vitest'
import { editTimeline } from '../../../src/shared/interchange/edit-timeline'
import { writeEdl } from '../../../src/shared/interchange/edl'
import { sampleCut } from './cut-fixtures'

interface ParsedEvent {
  number: string
  reel: string
  track: string
  transition: string
  sourceIn: string
  sourceOut: string
  recordIn: string
  recordOut: string
  comments: string[]
}

const EVENT = /^(\d{3}) {2}(\S+) +(\S+) +(C) +(\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/

const LOC = /^\* LOC: \d\d:\d\d:\d\d:\d\d GREEN {3}(.*)$/

/**
 * A strict CMX3600 reader (no CMX parser can be installed here): the file is printable ASCII bytes with CRLF line
 * ends, the title at most 70 characters, a LOC marker's text at most 120, and every non-blank line is a header, an
 * event or a comment of the event before it.
 */
function parseEdl(text: string): { title: string; fcm: string; events: ParsedEvent[] } {
  const bytes = new TextEncoder().encode(text)
  const wide = bytes.findIndex((byte) => byte >= 0x80)
  if (wide >= 0) throw new Error(`byte 0x${bytes[wide]!.toString(16)} at ${wide} is not ASCII`)
  const lines = text.split('\r\n')
  const unprintable = lines.find((line) => /[^\x20-\x7E]/.test(line))
  if (unprintable !== undefined) throw new Error(`not printable ASCII: ${JSON.stringify(unprintable)}`)
  const [title, fcm] = lines
  if (!/^TITLE: .{0,70}$/.test(title ?? '')) throw new Error(`not a CMX3600 title: ${JSON.stringify(title)}`)
  const longMarker = lines.find((line) => (LOC.exec(line)?.[1]?.length ?? 0) > 120)
  if (longMarker !== undefined) throw new Error(`LOC text over 120 characters: ${JSON.stringify(longMarker)}`)
  const events: ParsedEvent[] = []
  for (const line of lines.slice(2)) {
    if (line === '') continue
    const match = EVENT.exec(line)
    if (match) {
      const [, number, reel, track, transition, sourceIn, sourceOut, recordIn, recordOut] = match as unknown as string[]
      events.push({ number: number!, reel: reel!, track: track!, transition: transition!, sourceIn: sourceIn!, sourceOut: sourceOut!, recordIn: recordIn!, recordOut: recordOut!, comments: [] })
    } else if (line.startsWith('* ') && events.length > 0) events[events.length - 1]!.comments.push(line)
    else throw new Error(`not a CMX3600 line: ${JSON.stringify(line)}`)
  }
  return { title: title ?? '', fcm: fcm ?? '', events }
}

const frames = (tc: string) => {
  const [h, m, s, f] = tc.split(':').map(Number) as [number, number, number, number]
  return ((h * 60 + m) * 60 + s) * 24 + f
}

describe('CMX3600 EDL writer', () => {
  it('writes one event per clip, end to end from 01:00:00:00, with exact frame durations', () => {
    const edl = parseEdl(writeEdl(editTimeline('Harbour film', sampleCut())))
    expect([edl.title, edl.fcm]).toEqual(['TITLE: Harbour film', 'FCM: NON-DROP FRAME'])
    expect(edl.events.map((e) => [e.number, e.reel, e.track, e.sourceIn, e.sourceOut, e.recordIn, e.recordOut])).toEqual([
      ['001', 'AX', 'V', '00:00:00:00', '00:00:05:00', '01:00:00:00', '01:00:05:00'],
      ['002', 'BL', 'V', '00:00:00:00', '00:00:04:00', '01:00:05:00', '01:00:09:00'],
      ['003', 'AX', 'V', '00:00:00:00', '00:00:02:12', '01:00:09:00', '01:00:11:12'],
    ])
    for (const event of edl.events) expect(frames(event.recordOut) - frames(event.recordIn)).toBe(frames(event.sourceOut) - frames(event.sourceIn))
  })

  it('names each event’s clip and file, and marks shot boundaries at their record timecode', () => {
    const [harbour, market] = parseEdl(writeEdl(editTimeline('Harbour film', sampleCut()))).events
    expect(harbour?.comments).toEqual([
      '* FROM CLIP NAME: 01 Harbour at dawn',
      '* SOURCE FILE: take-h2-0.mp4',
      '* LOC: 01:00:00:00 GREEN   Shot 1: Wide: the harbour in mist',
      '* LOC: 01:00:02:00 GREEN   Shot 2: Close: a gull lands, "hungry"',
    ])
    expect(market?.comments[0]).toBe('* FROM CLIP NAME: 02 Market, noon')
  })

  it('keeps a title or prompt with line breaks on one line, so no bogus event appears', () => {
    const cut = sampleCut()
    cut.entries[0] = { ...cut.entries[0]!, title: 'Harbour\n002  AX V C' }
    expect(() => parseEdl(writeEdl(editTimeline('Two\nlines', cut)))).not.toThrow()
    expect(parseEdl(writeEdl(editTimeline('Two\nlines', cut))).events).toHaveLength(3)
  })
})

describe('CMX3600 EDL text', () => {
  const withShot = (title: string, prompt: string) => {
    const cut = sampleCut()
    cut.entries[0] = { ...cut.entries[0]!, title, shots: [{ index: 0, prompt, startSeconds: 0, durationSeconds: 5 }] }
    return cut
  }

  it('writes ASCII only: accents dropped, dashes and quotes spelled, CJK and emoji as one ? a run', () => {
    const edl = parseEdl(writeEdl(editTimeline('Harbour — a film', withShot('Élodie’s “fog” 日本', 'Crème brûlée 🎬🎞️ at dawn…'))))
    expect(edl.title).toBe('TITLE: Harbour - a film')
    expect(edl.events[0]?.comments).toContain('* FROM CLIP NAME: 01 Elodie\'s "fog" ?')
    expect(edl.events[0]?.comments).toContain('* LOC: 01:00:00:00 GREEN   Shot 1: Creme brulee ? at dawn...')
  })

  // Each character starts exactly on the last kept position (70th title character, 120th marker character).
  it.each([
    ['é', 'e'],
    ['日本', '?'],
    ['🎬', '?'],
    ['👩‍👩‍👧', '?'],
  ])('never splits %s at the 70- and 120-character cut points', (character, shown) => {
    const title = `${'T'.repeat(69)}${character}tail`
    const prompt = `${'p'.repeat(120 - 'Shot 1: '.length - 1)}${character}tail`
    const text = writeEdl(editTimeline(title, withShot('Harbour', prompt)))
    expect(text).not.toContain('\uFFFD')
    const edl = parseEdl(text)
    expect(edl.title).toBe(`TITLE: ${'T'.repeat(69)}${shown}`)
    const marker = edl.events[0]?.comments.find((line) => line.startsWith('* LOC:')) ?? ''
    expect(LOC.exec(marker)?.[1]).toBe(`Shot 1: ${'p'.repeat(111)}${shown}`)
  })
})
