import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { CaptionCue } from '../../../shared/captions/cut-captions'
import { writeSrt, writeVtt } from '../../../shared/captions/subtitle-files'
import { writeExport } from '../disk/export-target'
import { writeFileAtomic } from '../disk/atomic-write'

export const subtitleText = (format: 'srt' | 'vtt', cues: readonly CaptionCue[]): string => (format === 'srt' ? writeSrt(cues) : writeVtt(cues))

export const noCaptionsWarning = 'No clip has caption lines, so the file holds no captions. Add them in each clip’s Captions section.'

/**
 * Writes the film's captions as `<name>.srt` beside a timeline just written to `timelinePath`, so the editor who
 * opens the timeline finds them with it: in exports/ through writeExport (replacing only the app's own earlier
 * file), or beside a file the user chose. Returns where.
 */
export async function writeCaptionsBeside(projectDir: string, timelinePath: string, chosenByUser: boolean, cues: readonly CaptionCue[]): Promise<string> {
  const bytes = Buffer.from(writeSrt(cues), 'utf8')
  const { dir, name } = path.parse(timelinePath)
  if (chosenByUser) {
    const target = path.join(dir, `${name}.srt`)
    await writeFileAtomic(target, bytes)
    return target
  }
  return writeExport(projectDir, `${name}.srt`, (tempPath) => fs.writeFile(tempPath, bytes, { flag: 'wx' }), { replaceOwn: true })
}
