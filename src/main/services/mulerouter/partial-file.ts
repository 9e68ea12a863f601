import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { containedFileSize, openContainedForWriting, readContained } from '../disk/contained-file'

/**
 * What is known about a partly downloaded video, kept beside it (`<partial>.json`) so a later attempt (or a later
 * run) can resume it: the validator the server gave for it (sent back as If-Range, so a changed file is sent
 * whole instead of spliced) and the total size it announced.
 */
const PartialInfoSchema = z.object({ validator: z.string().min(1).max(1024).nullable(), total: z.number().int().nonnegative().nullable() }).strict()
export type PartialInfo = z.infer<typeof PartialInfoSchema>

const MAX_INFO_BYTES = 4096

export const partialInfoPath = (partialPath: string): string => `${partialPath}.json`

/** Bytes already on disk that may be resumed, with their validator; none when either is missing or unreadable. */
export async function readPartial(partialPath: string): Promise<{ bytes: number; info: PartialInfo } | null> {
  try {
    // Partial files sit in takes/, which a shared project fills: a link or FIFO in their place means start over.
    const folder = dirname(partialPath)
    const info = PartialInfoSchema.safeParse(JSON.parse((await readContained(folder, partialInfoPath(partialPath), MAX_INFO_BYTES)).toString('utf8')))
    const size = await containedFileSize(folder, partialPath)
    return info.success && info.data.validator !== null && size > 0 ? { bytes: size, info: info.data } : null
  } catch {
    return null
  }
}

/** A torn write here is harmless: it fails the schema and the download starts over. */
export async function writePartialInfo(partialPath: string, info: PartialInfo): Promise<void> {
  const handle = await openContainedForWriting(dirname(partialPath), partialInfoPath(partialPath), { truncate: true })
  try {
    await handle.writeFile(JSON.stringify(info))
  } finally {
    await handle.close()
  }
}

/** The partial video itself, opened to append to (`resume`) or to start afresh; never written through a link. */
export const openPartial = (partialPath: string, resume: boolean) => openContainedForWriting(dirname(partialPath), partialPath, { truncate: !resume })

export async function removePartial(partialPath: string): Promise<void> {
  await rm(partialPath, { force: true })
  await rm(partialInfoPath(partialPath), { force: true })
}

/** A strong validator for If-Range: a strong ETag, else Last-Modified (a weak ETag may not be used for ranges). */
export function rangeValidator(headers: Headers): string | null {
  const etag = headers.get('etag')?.trim()
  if (etag && !etag.startsWith('W/')) return etag
  return headers.get('last-modified')?.trim() || null
}
