import { z } from 'zod'

/** The hand-off files Omniboard writes for an editor or a production office. */
export const handoffFormats = ['otio', 'fcpxml', 'edl', 'csv', 'pdf', 'srt', 'vtt'] as const
export const HandoffFormatSchema = z.enum(handoffFormats)
export type HandoffFormat = z.infer<typeof HandoffFormatSchema>

/**
 * How an .otio names the take files: `absolute` file:// URLs (the default) resolve wherever the .otio is opened
 * from, since OTIO tools read a relative `target_url` against their own working folder; `relative` paths
 * (`../takes/…`) suit Resolve users who move the whole project folder and keep the .otio in `exports/`.
 */
export const OtioMediaPathsSchema = z.enum(['absolute', 'relative'])
export type OtioMediaPaths = z.infer<typeof OtioMediaPathsSchema>

export const handoffExtensions: Record<HandoffFormat, string> = { otio: 'otio', fcpxml: 'fcpxml', edl: 'edl', csv: 'csv', pdf: 'pdf', srt: 'srt', vtt: 'vtt' }

/** Timelines an editor opens: their captions go beside them as `<name>.srt` when the film has any. */
export const captionedTimelineFormats: readonly HandoffFormat[] = ['otio', 'fcpxml', 'edl']

export const handoffLabels: Record<HandoffFormat, string> = {
  otio: 'OpenTimelineIO (.otio) — Resolve, Premiere, Avid via OTIO',
  fcpxml: 'Final Cut Pro XML (.fcpxml) — Final Cut Pro, Resolve',
  edl: 'CMX3600 EDL (.edl) — any editor',
  csv: 'Shot list (.csv) — Excel, Numbers, Sheets',
  pdf: 'Printable storyboard (.pdf)',
  srt: 'Captions, SubRip (.srt) — editors, YouTube, players',
  vtt: 'Captions, WebVTT (.vtt) — the web, HTML video',
}
