import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

/**
 * How the hostile-folder suite sees a canary: every file outside a project holds a marker string unique to the
 * case, and every canary picture or video is flat magenta, a colour no fixture of the project comes near. A leak
 * is the marker's bytes (as they are, or base64-encoded in a data URI or a reply) or a magenta picture anywhere
 * the app put what it read.
 */
export const CANARY_RGB = { r: 255, g: 0, b: 255 } as const

const isCanaryColour = (r: number, g: number, b: number): boolean => r > 200 && g < 70 && b > 200

/**
 * The marker, its first nine characters (an error that quotes "the first characters" of a file shows about ten)
 * and its base64 forms at each of the three byte alignments it can have inside a file.
 */
export function markerForms(marker: string): Buffer[] {
  const forms = [Buffer.from(marker), Buffer.from(marker.slice(0, 9))]
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), Buffer.from(marker)]).toString('base64')
    // The first group of four also encodes the bytes before the marker, the last one those after it.
    forms.push(Buffer.from(encoded.slice(shift === 0 ? 0 : 4, -4)))
  }
  return forms
}

export const containsMarker = (bytes: Uint8Array | string, forms: readonly Buffer[]): boolean => {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return forms.some((form) => haystack.includes(form))
}

/** True when the image decodes and is, on average, the canary's magenta. Anything undecodable is no picture. */
export async function showsCanaryImage(bytes: Uint8Array): Promise<boolean> {
  try {
    const { channels } = await sharp(bytes, { limitInputPixels: 50_000_000 }).stats()
    const [r, g, b] = [channels[0]?.mean ?? 0, channels[1]?.mean ?? 0, channels[2]?.mean ?? 0]
    return isCanaryColour(r, g, b)
  } catch {
    return false
  }
}

/** Every `data:image/…;base64,` picture in an HTML page (the storyboard the PDF printer is given). */
export async function htmlShowsCanaryImage(html: string): Promise<boolean> {
  for (const match of html.matchAll(/data:image\/[a-z+]+;base64,([A-Za-z0-9+/=]+)/g)) {
    if (await showsCanaryImage(Buffer.from(match[1]!, 'base64'))) return true
  }
  return false
}

const FRAME = { width: 16, height: 9 }

/** Decodes a video at a tiny size with ffmpeg and says whether any frame is the canary's magenta. */
export function videoShowsCanary(ffmpegPath: string, file: string, timeoutMs = 15_000): Promise<boolean> {
  return new Promise((resolve) => {
    const args = ['-nostdin', '-v', 'error', '-i', file, '-map', '0:v:0', '-vf', `scale=${FRAME.width}:${FRAME.height},format=rgb24`, '-f', 'rawvideo', 'pipe:1']
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', () => {
      clearTimeout(timer)
      resolve(framesOf(Buffer.concat(chunks)).some((frame) => isCanaryColour(...meanRgb(frame))))
    })
    child.on('error', () => resolve(false))
  })
}

function framesOf(raw: Buffer): Buffer[] {
  const size = FRAME.width * FRAME.height * 3
  const frames: Buffer[] = []
  for (let offset = 0; offset + size <= raw.length; offset += size) frames.push(raw.subarray(offset, offset + size))
  return frames
}

function meanRgb(frame: Buffer): [number, number, number] {
  const sums = [0, 0, 0]
  for (let i = 0; i < frame.length; i++) sums[i % 3]! += frame[i]!
  const pixels = frame.length / 3
  return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels]
}

/**
 * Every entry under `root` as it is on disk, links not followed: kind, mode, size, mtime, a hash of a file's bytes
 * and a link's target. Two equal snapshots mean nothing there was written, deleted, renamed or touched.
 */
export async function snapshotTree(root: string, skip: readonly string[] = []): Promise<Map<string, string>> {
  const entries = new Map<string, string>()
  const visit = async (dir: string): Promise<void> => {
    entries.set(path.relative(root, dir) || '.', await describeEntry(dir))
    for (const name of (await fs.readdir(dir)).sort()) {
      const full = path.join(dir, name)
      if (skip.includes(full)) continue
      const stat = await fs.lstat(full)
      if (stat.isDirectory()) await visit(full)
      else entries.set(path.relative(root, full), await describeEntry(full))
    }
  }
  await visit(root)
  return entries
}

async function describeEntry(full: string): Promise<string> {
  const stat = await fs.lstat(full)
  // Not ctime or the link count: removing a hard link inside the project changes those of the file outside,
  // which is neither written nor deleted by that.
  const times = `mode ${stat.mode.toString(8)} mtime ${Math.floor(stat.mtimeMs)}`
  if (stat.isSymbolicLink()) return `link → ${await fs.readlink(full)}`
  if (stat.isDirectory()) return `folder ${times}`
  if (!stat.isFile()) return `special ${times}`
  const hash = createHash('sha256').update(await fs.readFile(full)).digest('hex').slice(0, 16)
  return `file ${stat.size} B ${hash} ${times}`
}

const NEVER_READ = new Date('2001-01-01T00:00:00Z')
/** The same mtime to the millisecond: half-way into it, so the round trip through seconds cannot slip below it. */
const sameMillisecond = (stat: { mtimeMs: number }): number => (Math.floor(stat.mtimeMs) + 0.5) / 1000

/**
 * Sets the access time of every file and folder under `root` (links aside) far into the past, keeping its mtime to
 * the millisecond. On a relatime disk (Linux's default) the next read of a file or listing of a folder then moves
 * its access time, so `readsUnder` can tell what was read, not only what was changed. A folder is listed before
 * its own time is set, and looked at before it is listed, so the walks themselves leave no trace.
 */
export async function forgetReads(full: string): Promise<void> {
  const stat = await fs.lstat(full)
  if (stat.isDirectory()) for (const name of await fs.readdir(full)) await forgetReads(path.join(full, name))
  if (stat.isFile() || stat.isDirectory()) await fs.utimes(full, NEVER_READ, sameMillisecond(stat))
}

/**
 * What was read or listed under `full` (named relative to `root`) since `forgetReads`, and not by this walk. A file
 * with more than one hard link is left out: its other name may be inside the project, where reading it is reading
 * the project.
 */
export async function readsUnder(root: string, full = root): Promise<string[]> {
  const stat = await fs.lstat(full)
  const name = path.relative(root, full) || '.'
  const read = stat.atimeMs > NEVER_READ.getTime() + 1000 && (stat.isDirectory() || (stat.isFile() && stat.nlink === 1))
  const reads = read ? [`${name} was ${stat.isFile() ? 'read' : 'listed'}`] : []
  if (!stat.isDirectory()) return reads
  const children = await fs.readdir(full)
  // Listing it here is not the app's doing: its access time goes back to where it was.
  if (!read) await fs.utimes(full, NEVER_READ, sameMillisecond(stat))
  for (const child of children) reads.push(...(await readsUnder(root, path.join(full, child))))
  return reads
}

/** Lines of `after` that differ from `before`, for a failure message that says what changed outside. */
export function treeChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changes: string[] = []
  for (const [name, was] of before) {
    const now = after.get(name)
    if (now === undefined) changes.push(`${name} was deleted (${was})`)
    else if (now !== was) changes.push(`${name} changed: ${was} ⇒ ${now}`)
  }
  for (const [name, now] of after) if (!before.has(name)) changes.push(`${name} was created (${now})`)
  return changes
}

/**
 * Every regular file in a project folder after a run (links and special files are not read), checked for the
 * marker, and pictures, storyboards and films for the canary picture. `skip`: files the case itself planted.
 */
export async function leaksInFolder(dir: string, marker: string, ffmpegPath: string, skip: readonly string[] = []): Promise<string[]> {
  const forms = markerForms(marker)
  const leaks: string[] = []
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, full)
    if (!entry.isFile() || skip.includes(name)) continue
    const bytes = await fs.readFile(full)
    if (containsMarker(bytes, forms)) leaks.push(`${name} holds the canary marker`)
    const extension = path.extname(name).toLowerCase()
    if (['.png', '.jpg', '.jpeg', '.webp'].includes(extension) && (await showsCanaryImage(bytes))) leaks.push(`${name} shows the canary picture`)
    if (['.pdf', '.html'].includes(extension) && (await htmlShowsCanaryImage(bytes.toString('latin1')))) leaks.push(`${name} embeds the canary picture`)
    if (extension === '.mp4' && name.startsWith(`exports${path.sep}`) && (await videoShowsCanary(ffmpegPath, full))) leaks.push(`${name} shows the canary video`)
  }
  return leaks
}
