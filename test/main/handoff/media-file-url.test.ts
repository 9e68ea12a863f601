import { describe, expect, it } from 'vitest'
import { mediaFileUrl } from '../../../src/main/services/handoff/media-file-url'

describe('take file URLs in hand-off files', () => {
  it('percent-encodes a POSIX path: spaces, #, %, ?, accents and CJK', () => {
    expect(mediaFileUrl('/Users/ana/Films #1/100% été?/日本.mp4', 'darwin')).toBe('file:///Users/ana/Films%20%231/100%25%20%C3%A9t%C3%A9%3F/%E6%97%A5%E6%9C%AC.mp4')
  })

  it('writes a Windows drive letter as file:///C:/… and a network share as file://server/…', () => {
    expect(mediaFileUrl('C:\\Users\\Ana\\My Films\\take 1.mp4', 'win32')).toBe('file:///C:/Users/Ana/My%20Films/take%201.mp4')
    expect(mediaFileUrl('\\\\studio\\media\\Harbour film\\take.mp4', 'win32')).toBe('file://studio/media/Harbour%20film/take.mp4')
  })
})
