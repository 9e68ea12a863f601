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

/** A strict CMX3600 reader: every non-blank line is a header, an event or a comment of the event before it. */
function parseEdl(text: string): { title: string; fcm: string; events: ParsedEvent[] } {
  const lines = text.split('\r\n')
  const [title, fcm] = lines
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
