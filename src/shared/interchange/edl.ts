import { asciiText } from './ascii-text'
import type { EditEvent, EditTimeline } from './edit-timeline'
import { timecode } from './frame-time'
import { edlAudioEvents } from './edl-audio'
import type { LaneTrack } from './lane-clips'

/** CMX3600 numbers events with three digits. */
export const EDL_MAX_EVENTS = 999

/**
 * The cut as a CMX3600 EDL, non-drop-frame timecode at the sequence rate: one event per clip, `AX` (a file, named
 * in the `FROM CLIP NAME` comment) for a take, `BL` (black) for a clip without one; shot boundaries as `LOC` markers.
 * Takes carry no source timecode, so each source starts at 00:00:00:00. Lines end in CRLF, as the format's
 * Windows-era readers expect. CMX3600 is ASCII: every text goes through asciiText (which also keeps it on one line,
 * so a line break in a title or prompt cannot start a bogus event), and is cut to the field's length only after
 * that, so a cut never lands inside a character.
 */
export function writeEdl(timeline: EditTimeline, laneTracks: readonly LaneTrack[] = []): string {
  const lines = [`TITLE: ${asciiText(timeline.name).slice(0, 70).trimEnd()}`, 'FCM: NON-DROP FRAME', '']
  timeline.events.slice(0, EDL_MAX_EVENTS).forEach((event, index) => lines.push(...eventLines(event, index + 1, timeline), ''))
  // The sound lanes follow the picture's events, on the audio channels (see edl-audio).
  for (const event of edlAudioEvents(timeline, laneTracks, Math.min(timeline.events.length, EDL_MAX_EVENTS) + 1, EDL_MAX_EVENTS)) lines.push(...event, '')
  return lines.join('\r\n')
}

function eventLines(event: EditEvent, number: number, timeline: EditTimeline): string[] {
  const tc = (frames: number) => timecode(frames, timeline.rate)
  const recordIn = timeline.startFrames + event.recordInFrames
  const isTake = event.entry.kind === 'take'
  const reel = (isTake ? 'AX' : 'BL').padEnd(8)
  const head = `${String(number).padStart(3, '0')}  ${reel} V     C        ${tc(0)} ${tc(event.frames)} ${tc(recordIn)} ${tc(recordIn + event.frames)}`
  const comments = [`* FROM CLIP NAME: ${asciiText(event.name)}`]
  if (event.entry.kind === 'take') comments.push(`* SOURCE FILE: ${asciiText(event.entry.media.fileName)}`)
  for (const marker of event.markers) comments.push(`* LOC: ${tc(recordIn + marker.startFrames)} GREEN   ${asciiText(`${marker.name}: ${marker.comment}`).slice(0, 120).trimEnd()}`)
  return [head, ...comments]
}
