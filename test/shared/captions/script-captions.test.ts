import { describe, expect, it } from 'vitest'
import { captionsFromDialogue, READING_CHARS_PER_SECOND, splitSpeech } from '../../../src/shared/captions/script-captions'
import type { DialogueLine } from '../../../src/shared/domain/clip-script'

let counter = 0
const newId = () => `cap${++counter}`
const speech = (character: string, text: string): DialogueLine => ({ character, parenthetical: null, text })

describe('captions from the script', () => {
  it('gives each speech a share of the clip by its length, in order, never past the clip’s end', () => {
    const dialogue = [speech('MARA', 'Who’s there?'), speech('TOM', 'Only me. I brought the lamp you asked for, and the oil for it.')]
    const lines = captionsFromDialogue(dialogue, 6, newId)
    expect(lines.map((line) => [line.speaker, line.text])).toEqual([
      ['MARA', 'Who’s there?'],
      ['TOM', 'Only me. I brought the lamp you asked for, and the oil for it.'],
    ])
    expect(lines[0]!.startSeconds).toBe(0)
    // The longer speech gets the longer share, and starts where the first one's share ends.
    expect(lines[1]!.startSeconds).toBeCloseTo(lines[0]!.endSeconds, 3)
    expect(lines[1]!.endSeconds - lines[1]!.startSeconds).toBeGreaterThan(lines[0]!.endSeconds - lines[0]!.startSeconds)
    expect(lines[1]!.endSeconds).toBe(6)
  })

  it('splits a long speech into captions of two subtitle lines at most, between sentences or words', () => {
    const long = 'I waited all night by the window. The boats never came back, not one of them, and nobody in the village would say why they had gone out in that weather.'
    const pieces = splitSpeech(long)
    expect(pieces.length).toBeGreaterThan(1)
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(84)
    expect(pieces.join(' ')).toBe(long)
    expect(pieces[0]).toBe('I waited all night by the window.')
    expect(splitSpeech('A'.repeat(200)).map((piece) => piece.length)).toEqual([84, 84, 32])
  })

  it('holds a caption no longer than 7 s even in a long, quiet clip, and no shorter than reading it takes when there is room', () => {
    const [line] = captionsFromDialogue([speech('MARA', 'Hm.')], 15, newId)
    expect(line).toMatchObject({ startSeconds: 0, endSeconds: 7 })
    const words = 'The tide is coming in faster than it should.'
    const [roomy] = captionsFromDialogue([speech('TOM', words)], 10, newId)
    expect(roomy!.endSeconds - roomy!.startSeconds).toBeGreaterThanOrEqual(words.length / READING_CHARS_PER_SECOND)
  })

  it('makes nothing for a clip without dialogue or without length', () => {
    expect(captionsFromDialogue([], 5, newId)).toEqual([])
    expect(captionsFromDialogue([speech('MARA', 'Hello.')], 0, newId)).toEqual([])
  })
})
