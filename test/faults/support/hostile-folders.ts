import { execFile } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { createProject } from '../../../src/main/services/project'
import { createClip } from '../../../src/shared/domain/create'
import { defaultProjectDefaults, type Take } from '../../../src/shared/domain/project'
import { completedTake, fixturePath } from '../../main/media/film-fixtures'
import { CANARY_RGB } from './canary-detectors'

const run = promisify(execFile)

export const PROJECT_NAME = 'Harbour film'
/** Clip 2's chosen take: the one file the take cases make hostile. Clip 1 keeps a good take, clip 3 has none. */
export const HOSTILE_TAKE = 'take-2-0.mp4'
export const HOSTILE_CLIP_NUMBER = 2

/** A saved, closed project that plays and exports: built once, copied for every case. */
export type Template = { dir: string; assetFiles: string[]; thumbFiles: string[]; canaryVideo: Buffer; canaryStream: Buffer }

/** One case's ground: the project copy, and next to it `Private/`, the user's own files that must stay untouched. */
export type CaseFolder = { root: string; dir: string; outside: string; marker: string; at(...parts: string[]): string; out(...parts: string[]): string }

/**
 * Three clips with real takes of the film fixtures (640×360, so a grabbed frame is a usable image): clip 1 and 2
 * play a take each, clip 3 is an animatic hold; two imported images are first and last frames.
 */
export async function buildTemplate(parent: string, ffmpegPath: string): Promise<Template> {
  const session = await createProject(parent, PROJECT_NAME, { now: () => new Date(), newId: () => randomUUID() })
  const dawn = (await session.importBytes('dawn.png', await gradient('png'))).assets[0]!
  const storm = (await session.importBytes('storm.jpg', await gradient('jpeg'))).assets[0]!
  const clip = (id: string, title: string, prompt: string) => ({ ...createClip(defaultProjectDefaults, id, title), prompt, duration: 3 })
  const clips = [
    { ...clip('clip-dawn', 'Harbour at dawn', 'Mist lifts over the harbour'), firstFrameAssetId: dawn.id },
    { ...clip('clip-pier', 'Night on the pier', 'Lanterns sway on the pier'), firstFrameAssetId: storm.id, lastFrameAssetId: dawn.id },
    { ...clip('clip-light', 'Lighthouse', 'The beam sweeps the sea'), firstFrameAssetId: storm.id },
  ]
  session.applyEdits([{ type: 'removeClip', clipId: session.project().clips[0]!.id }, ...clips.map((added) => ({ type: 'addClip' as const, clip: added }))])
  for (const [number, clipId, assetId] of [[1, 'clip-dawn', dawn.id], [2, 'clip-pier', storm.id]] as const) {
    const request = { model: 'kling-v3-omni', prompt: clips[number - 1]!.prompt, image: `asset:${assetId}` }
    const take: Take = { ...completedTake(`take-${number}`, clipId, `take-${number}-0.mp4`), request }
    await session.addTake(take)
    await fs.copyFile(fixturePath('take-360p-silent.mp4'), session.takeFilePath(`take-${number}-0.mp4`))
  }
  session.applyEdits([{ type: 'chooseTake', clipId: 'clip-dawn', takeId: 'take-1' }, { type: 'chooseTake', clipId: 'clip-pier', takeId: 'take-2' }])
  await session.saveNow()
  const dir = session.dir
  await session.close()
  const [video, stream] = await canaryVideos(ffmpegPath, parent)
  return { dir, assetFiles: await fs.readdir(path.join(dir, 'assets')), thumbFiles: await fs.readdir(path.join(dir, 'thumbs')), canaryVideo: video, canaryStream: stream }
}

/** A smooth teal-green picture: compresses well and is nowhere near the canary's magenta. */
function gradient(format: 'png' | 'jpeg'): Promise<Buffer> {
  const [width, height] = [640, 360]
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([20, 90 + Math.round((120 * x) / width), 60 + Math.round((100 * y) / height)], (y * width + x) * 3)
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })[format]().toBuffer()
}

/** A 640×360 take-like video of flat magenta, encoded like the film fixtures, as an MP4 and as an MPEG-TS stream (what an HLS playlist plays). */
async function canaryVideos(ffmpegPath: string, workDir: string): Promise<[Buffer, Buffer]> {
  const [mp4, ts] = [path.join(workDir, 'canary.mp4'), path.join(workDir, 'canary.ts')]
  const source = `color=c=0x${hex(CANARY_RGB.r)}${hex(CANARY_RGB.g)}${hex(CANARY_RGB.b)}:size=640x360:rate=24:duration=1`
  const encode = ['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-crf', '38', '-g', '24', '-r', '24', '-movflags', '+faststart']
  await run(ffmpegPath, ['-nostdin', '-v', 'error', '-f', 'lavfi', '-i', source, ...encode, '-y', mp4])
  await run(ffmpegPath, ['-nostdin', '-v', 'error', '-i', mp4, '-c', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'mpegts', '-y', ts])
  return [await fs.readFile(mp4), await fs.readFile(ts)]
}

const hex = (value: number): string => value.toString(16).padStart(2, '0')

/** A flat magenta picture that carries the marker in its EXIF, like a photo with the owner's name in it. */
export function canaryImage(marker: string, format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  const pixels = Buffer.alloc(640 * 360 * 3)
  for (let i = 0; i < pixels.length; i += 3) pixels.set([CANARY_RGB.r, CANARY_RGB.g, CANARY_RGB.b], i)
  return sharp(pixels, { raw: { width: 640, height: 360, channels: 3 } })[format]().withExif({ IFD0: { ImageDescription: marker } }).toBuffer()
}

/** An MP4 top-level `free` box: players skip it, so the canary video plays and still holds the marker. */
function freeBox(payload: string): Buffer {
  const body = Buffer.from(payload)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(body.length + 8, 0)
  header.write('free', 4, 'latin1')
  return Buffer.concat([header, body])
}

const today = (now = new Date()): string => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
/** The names the app's exports get today: a same-named file of the user's is what an export must never replace. */
export const exportNames = (): string[] => [`${PROJECT_NAME} ${today()}.mp4`, ...['otio', 'fcpxml', 'edl', 'csv', 'pdf'].map((ext) => `${PROJECT_NAME}.${ext}`)]

/**
 * Copies the template into `root` and writes the canary tree beside it, every file holding the case's marker:
 * `secret.txt` (starting with it), `secret.mp4`/`.ts`/`.png`/`.webp` (magenta), and folders shaped like the project's own
 * (`takes/`, `assets/`, `thumbs/`, `exports/` with the same file names, temp-named files in `takes/`) and another
 * project, so that whatever a link leads the app to is canary.
 */
export async function makeCaseFolder(template: Template, root: string): Promise<CaseFolder> {
  const marker = `CANARY-${randomBytes(12).toString('hex')}`
  const dir = path.join(root, `${PROJECT_NAME}.omniboard`)
  const outside = path.join(root, 'Private')
  await fs.cp(template.dir, dir, { recursive: true })
  const video = Buffer.concat([template.canaryVideo, freeBox(marker)])
  const images = { png: await canaryImage(marker, 'png'), jpeg: await canaryImage(marker, 'jpeg'), webp: await canaryImage(marker, 'webp') }
  const files: Record<string, Buffer | string> = {
    'secret.txt': `${marker} bank PINs and passwords\n`.repeat(40),
    'secret.mp4': video,
    // Demuxers skip what follows the last packet, so the stream still plays and still holds the marker.
    'secret.ts': Buffer.concat([template.canaryStream, Buffer.from(marker)]),
    'secret.png': images.png,
    'secret.webp': images.webp,
    'takes/take-1-0.mp4': video,
    [`takes/${HOSTILE_TAKE}`]: video,
    'takes/x.omniboard-tmp-0123456789ab': `${marker} a file of the user's that only looks temporary`,
    [`takes/${HOSTILE_TAKE}.omniboard-tmp-0123456789ab`]: `${marker} another one`,
  }
  for (const name of exportNames()) files[`exports/${name}`] = `${marker} the user's own ${name}, not to be replaced`
  for (const name of template.assetFiles) files[`assets/${name}`] = name.endsWith('.png') ? images.png : images.jpeg
  for (const name of template.thumbFiles) files[`thumbs/${name}`] = images.webp
  const other = JSON.parse(await fs.readFile(path.join(template.dir, 'project.json'), 'utf8')) as { name: string; id: string; clips: { prompt: string }[] }
  const otherClips = other.clips.map((clip) => ({ ...clip, prompt: `${marker} ${clip.prompt}` }))
  files['Other.omniboard/project.json'] = JSON.stringify({ ...other, id: randomUUID(), name: `Other ${marker}`, clips: otherClips })
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(outside, name)), { recursive: true })
    await fs.writeFile(path.join(outside, name), content)
  }
  return { root, dir, outside, marker, at: (...parts) => path.join(dir, ...parts), out: (...parts) => path.join(outside, ...parts) }
}

// What the cases plant. Each replaces one entry of the project with something hostile.

/** Replaces `entry` (a file or folder) with a symbolic link to `target`. */
export async function replaceWithLink(entry: string, target: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true })
  await fs.symlink(target, entry)
}

export async function replaceWithHardLink(entry: string, target: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true })
  await fs.link(target, entry)
}

export async function replaceWithFifo(entry: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true })
  await run('mkfifo', [entry])
}

/** A character device node (needs root, as in CI); false where it cannot be made. */
export async function replaceWithCharDevice(entry: string, major: number, minor: number): Promise<boolean> {
  await fs.rm(entry, { force: true })
  return run('mknod', [entry, 'c', String(major), String(minor)]).then(() => true, () => false)
}

/** A Unix socket file, left behind by a process that bound it and exited. */
export async function replaceWithSocket(entry: string): Promise<void> {
  await fs.rm(entry, { force: true })
  await run(process.execPath, ['-e', 'require("net").createServer().listen(process.argv[1], () => process.exit(0))', entry])
}

export async function replaceWithText(entry: string, text: string): Promise<void> {
  await fs.rm(entry, { recursive: true, force: true })
  await fs.writeFile(entry, text)
}

/** Keeps the first `fraction` of a file's bytes, like a download cut short. */
export async function truncateFile(entry: string, fraction: number): Promise<void> {
  const bytes = await fs.readFile(entry)
  await fs.writeFile(entry, bytes.subarray(0, Math.floor(bytes.length * fraction)))
}

/**
 * Makes a real MP4's sample tables claim `frames` frames: with `constantSize` as one run of equal-sized samples
 * (nothing in the file runs short, so only a cap on the count stops a reader), else as a count the size table
 * cannot back. The media data stays as it was.
 */
export async function claimFrames(entry: string, frames: number, constantSize?: number): Promise<void> {
  const bytes = await fs.readFile(entry)
  const stsz = boxAt(bytes, 'stsz')
  const stts = boxAt(bytes, 'stts')
  if (constantSize !== undefined) {
    bytes.writeUInt32BE(constantSize, stsz + 12)
    bytes.writeUInt32BE(1, stts + 12)
  }
  bytes.writeUInt32BE(frames, stsz + 16)
  bytes.writeUInt32BE(frames, stts + 16)
  await fs.writeFile(entry, bytes)
}

function boxAt(bytes: Buffer, type: string): number {
  const at = bytes.indexOf(type, 0, 'latin1')
  if (at < 4) throw new Error(`no ${type} box`)
  return at - 4
}

/** Rewrites project.json with take `takeId`'s `request` nested `depth` objects deep (written as text: JSON.stringify would overflow). */
export async function nestTakeRequest(dir: string, takeId: string, depth: number): Promise<void> {
  const file = path.join(dir, 'project.json')
  const json = JSON.parse(await fs.readFile(file, 'utf8')) as { takes: { id: string; request: unknown }[] }
  const placeholder = `deep-${randomUUID()}`
  json.takes = json.takes.map((take) => (take.id === takeId ? { ...take, request: placeholder } : take))
  const deep = `${'{"nested":'.repeat(depth)}{}${'}'.repeat(depth)}`
  await fs.writeFile(file, JSON.stringify(json).replace(`"${placeholder}"`, deep))
}
