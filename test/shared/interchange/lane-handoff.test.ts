// @vitest-environment jsdom
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultMix, type AudioFile, type Mix } from '../../../src/shared/domain/audio-schema'
import { editTimeline } from '../../../src/shared/interchange/edit-timeline'
import { writeEdl } from '../../../src/shared/interchange/edl'
import { writeFcpxml } from '../../../src/shared/interchange/fcpxml'
import { laneTracks } from '../../../src/shared/interchange/lane-clips'
import { writeOtio } from '../../../src/shared/interchange/otio'
import { sampleCut } from './cut-fixtures'

const score: AudioFile = { id: 'a'.repeat(64), kind: 'mp3', durationSeconds: 30, sampleRate: 44100, channels: 2, bytes: 1000, originalName: 'Harbour theme.mp3', importedAt: '2026-12-07T00:00:00Z' }
const voice: AudioFile = { ...score, id: 'b'.repeat(64), kind: 'wav', durationSeconds: 4, sampleRate: 48000, channels: 1, originalName: 'VO take 3.wav' }
const item = (id: string, audioId: string, fields: object) => ({ id, audioId, startSeconds: 0, anchor: null, sourceInSeconds: 0, durationSeconds: 3, gainDb: 0, fadeInSeconds: 0, fadeOutSeconds: 0, ...fields })

/** The sample cut (5 s take, 4 s hold, 2.5 s take) with music from 1 s (−6 dB, fades) and a voice-over on clip 2, 1 s in. */
const mix: Mix = {
  ...defaultMix,
  lanes: [
    { id: 'music', name: 'Music', muted: false, solo: false, items: [item('m1', score.id, { startSeconds: 1, sourceInSeconds: 2, durationSeconds: 6, gainDb: -6, fadeInSeconds: 0.5, fadeOutSeconds: 1 })] },
    { id: 'voice', name: 'Voice-over', muted: false, solo: false, items: [item('v1', voice.id, { anchor: { clipId: 'clip-market', offsetSeconds: 1 }, durationSeconds: 2 })] },
    { id: 'fx', name: 'Effects', muted: true, solo: false, items: [item('f1', voice.id, { startSeconds: 9 })] },
  ],
}
const timeline = () => editTimeline('Harbour film', sampleCut())
const tracks = () => laneTracks(mix, [score, voice], timeline())
const audioUrl = (fileName: string) => `../audio/${fileName}`

describe('sound lanes in the hand-off files', () => {
  it('OTIO: an audio track per lane after A1, each item a clip of its file’s part with gaps between, levels in metadata', () => {
    const doc = JSON.parse(writeOtio(timeline(), { mediaUrl: (name) => `../takes/${name}`, lanes: { tracks: tracks(), audioUrl } })) as { tracks: { children: OtioTrack[] } }
    const audio = doc.tracks.children.filter((track) => track.kind === 'Audio')
    expect(audio.map((track) => [track.name, track.enabled])).toEqual([['A1', true], ['Music', true], ['Voice-over', true], ['Effects', false]])
    const music = audio[1]!.children
    expect(music.map((child) => [child.OTIO_SCHEMA, child.source_range.start_time.value, child.source_range.duration.value])).toEqual([['Gap.1', 0, 24], ['Clip.2', 48, 144]])
    const clip = music[1]!
    expect(clip.media_references!.DEFAULT_MEDIA.target_url).toBe(`../audio/${'a'.repeat(64)}.mp3`)
    expect(clip.media_references!.DEFAULT_MEDIA.available_range.duration.value).toBe(720)
    expect(clip.metadata).toEqual({ omniboard: { gainDb: -6, fadeInSeconds: 0.5, fadeOutSeconds: 1 } })
    // The voice-over follows clip 2, which starts at 5 s: 6 s in, for 2 s.
    expect(audio[2]!.children.map((child) => [child.OTIO_SCHEMA, child.source_range.duration.value])).toEqual([['Gap.1', 144], ['Clip.2', 48]])
  })

  it('FCPXML: connected audio clips on lanes −1, −2… with adjust-volume and fades, valid against the FCPXML 1.9 DTD', () => {
    const xml = writeFcpxml(timeline(), { mediaUrl: (name) => `file:///films/takes/${name}`, fallbackSize: { width: 1280, height: 720 }, lanes: { tracks: tracks(), audioUrl: (name) => `file:///films/audio/${name}` } })
    const folder = mkdtempSync(path.join(os.tmpdir(), 'omniboard-fcpxml-'))
    try {
      writeFileSync(path.join(folder, 'cut.fcpxml'), xml)
      const dtd = path.resolve(__dirname, '../../../../shared/reference/FCPXMLv1_9.dtd')
      execFileSync('xmllint', ['--noout', '--dtdvalid', dtd, path.join(folder, 'cut.fcpxml')], { stdio: 'pipe' })
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
    const doc = new DOMParser().parseFromString(xml, 'application/xml')
    const connected = [...doc.querySelectorAll('spine > * > asset-clip')]
    expect(connected.map((clip) => [clip.parentElement!.getAttribute('name'), clip.getAttribute('lane'), clip.getAttribute('offset'), clip.getAttribute('start'), clip.getAttribute('duration'), clip.getAttribute('enabled')])).toEqual([
      ['01 Harbour at dawn', '-1', '24/24s', '48/24s', '144/24s', '1'],
      ['02 Market, noon', '-2', '24/24s', '0s', '48/24s', '1'],
      ['03 Untitled clip', '-3', '0s', '0s', '60/24s', '0'],
    ])
    const volume = connected[0]!.querySelector('adjust-volume')!
    expect(volume.getAttribute('amount')).toBe('-6.0dB')
    expect([...volume.querySelectorAll('param > *')].map((fade) => [fade.tagName, fade.getAttribute('duration')])).toEqual([['fadeIn', '500/1000s'], ['fadeOut', '1000/1000s']])
    const assets = [...doc.querySelectorAll('resources > asset[hasVideo="0"]')]
    expect(assets.map((asset) => [asset.getAttribute('audioChannels'), asset.getAttribute('audioRate'), asset.querySelector('media-rep')!.getAttribute('src')])).toEqual([
      ['2', '44100', `file:///films/audio/${'a'.repeat(64)}.mp3`],
      ['1', '48000', `file:///films/audio/${'b'.repeat(64)}.wav`],
    ])
  })

  it('EDL: the two lanes that play as audio events A and A2 after the picture’s, with source and record timecodes', () => {
    const edl = writeEdl(timeline(), tracks())
    const events = edl.split('\r\n').filter((line) => /^\d{3} /.test(line))
    expect(events.slice(3)).toEqual([
      '004  AX       A     C        00:00:02:00 00:00:08:00 01:00:01:00 01:00:07:00',
      '005  AX       A2    C        00:00:00:00 00:00:02:00 01:00:06:00 01:00:08:00',
    ])
    expect(edl).toContain(`* SOURCE FILE: ${'a'.repeat(64)}.mp3`)
    expect(edl).toContain('* LEVEL: -6.0 dB, FADE IN 0.50 s, FADE OUT 1.00 s')
    expect(edl).not.toContain('Effects')
  })
})

type Range = { start_time: { value: number }; duration: { value: number } }
type OtioTrack = {
  name: string
  kind: string
  enabled: boolean
  children: { OTIO_SCHEMA: string; source_range: Range; metadata: unknown; media_references?: { DEFAULT_MEDIA: { target_url: string; available_range: Range } } }[]
}
