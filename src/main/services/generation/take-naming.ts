import { newId } from '../../../shared/domain/ids'
import type { Project, Take } from '../../../shared/domain/project'
import { takeNumberOf } from '../../../shared/domain/take-numbers'

/** Ids may start with `-` or `_`; file names must start with a letter or digit. */
const idForFileName = (takeId: string): string => `${/^[A-Za-z0-9]/.test(takeId) ? '' : 'take-'}${takeId}`

/**
 * Where a video is written while it downloads: named after the take's id and the file's index (0-based like
 * `files[].index`), so every attempt, even after a restart, finds and resumes the same partial file.
 */
export const partialFileName = (takeId: string, index: number): string => `${idForFileName(takeId)}-${index}.mp4.part`

/** The take and file index a partial file belongs to, or null for any other name. */
export function partialOwner(fileName: string, takes: readonly Take[]): { take: Take; index: number } | null {
  for (const take of takes) {
    const prefix = `${idForFileName(take.id)}-`
    if (!fileName.startsWith(prefix) || !fileName.endsWith('.mp4.part')) continue
    const index = fileName.slice(prefix.length, -'.mp4.part'.length)
    if (/^\d+$/.test(index)) return { take, index: Number(index) }
  }
  return null
}

const maxSlugLength = 40

/** "Harbour at dawn!" → "harbour-at-dawn": ASCII letters and digits only, so the name is safe everywhere. */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '')
  return slug === '' ? 'clip' : slug
}

/**
 * A name a person browsing `takes/` can read: `03-harbour-at-dawn-take2.mp4` for the clip's place on the timeline,
 * its title and the take's number among the clip's takes (a second video of one take adds `-v2`). Chosen once,
 * when the video is downloaded: renaming or moving the clip later does not rename files. `taken` holds every name
 * already used in the folder; a clash gets `-2`, `-3` … so no file is ever overwritten.
 */
export function takeVideoFileName(project: Pick<Project, 'clips' | 'takes'>, take: Take, index: number, taken: Iterable<string>): string {
  // Case-insensitive: macOS and Windows folders treat "A.mp4" and "a.mp4" as one file.
  const used = new Set([...taken].map((name) => name.toLowerCase()))
  const clipIndex = project.clips.findIndex((clip) => clip.id === take.clipId)
  const clip = project.clips[clipIndex]
  const number = String(clipIndex + 1).padStart(2, '0')
  const takeNumber = takeNumberOf(project.takes, take.id) ?? 1
  const stem = `${number}-${clip ? titleSlug(clip.title) : 'removed-clip'}-take${takeNumber}${index > 0 ? `-v${index + 1}` : ''}`
  for (let copy = 1; ; copy++) {
    const name = `${stem}${copy > 1 ? `-${copy}` : ''}.mp4`
    if (!used.has(name)) return name
  }
}

/** A random id that also reads as a plain file name (no leading `-` or `_`). */
export function newTakeId(): string {
  for (;;) {
    const id = newId()
    if (/^[A-Za-z0-9]/.test(id)) return id
  }
}
