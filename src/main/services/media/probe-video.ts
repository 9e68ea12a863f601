import path from 'node:path'
import { EncodedPacketSink, Input, MP4, type InputVideoTrack } from 'mediabunny'
import type { FrameRate, TakeMedia } from '../../../shared/cut/cut-plan'
import { TakeMediaSchema } from '../../../shared/cut/cut-plan-schema'
import { AppErrorException, fail, isAppErrorException } from '../../../shared/errors'
import { openContained, type ContainedFile } from '../disk/contained-file'
import type { FileIdentity } from '../disk/file-identity'
import { containedSource } from './contained-source'
import { joinFormatOf, type JoinFormat } from './join-format'
import { readTakeIndex, unreadableHint, type TakeIndex } from './take-index'
import { MAX_TAKE_SECONDS } from './take-limits'

/**
 * Reads what a take's MP4 in the project at `root` really holds — size, frame rate, exact frame count, audio — from
 * the file itself, because Kling's videos can run a little longer or shorter than asked and the cut must follow the
 * real length. Counting frames walks the sample table only (no decoding), once readTakeIndex has checked the index,
 * so a crafted or damaged take is refused before that walk could cost anything. A missing file, a link, a file that
 * is not a take or one without a video track throws an AppErrorException.
 */
export async function probeVideo(root: string, filePath: string): Promise<TakeMedia> {
  return (await probeTake(root, filePath)).media
}

/** A take as one read of its file tells it: what probeVideo answers, which file that was, and how it joins. */
export interface ProbedTake {
  media: TakeMedia
  identity: FileIdentity
  /** What the copy join compares across takes; null when it could not be read here (readJoinFormat then says why). */
  format: JoinFormat | null
  /** The index readTakeIndex read and checked: the copy join's sample tables. */
  index: TakeIndex
}

/** probeVideo, keeping the identity of the file it read and its decoder configurations, for TakeProbes to remember. */
export async function probeTake(root: string, filePath: string): Promise<ProbedTake> {
  const fileName = path.basename(filePath)
  const file = await openTake(root, filePath)
  const input = new Input({ source: containedSource(file), formats: [MP4] })
  try {
    const index = await readTakeIndex(file)
    const video = await input.getPrimaryVideoTrack()
    if (!video) fail('media_unreadable', `${fileName} has no video track.`, unreadableHint)
    const { frames, frameRate } = await countFrames(video)
    const durationSeconds = (await video.computeDuration()) - (await video.getFirstTimestamp())
    if (durationSeconds > MAX_TAKE_SECONDS) fail('media_unreadable', `${fileName} claims to run ${Math.round(durationSeconds)} s, longer than any take.`, unreadableHint)
    const audio = await input.getPrimaryAudioTrack()
    const media = TakeMediaSchema.safeParse({
      fileName,
      width: await video.getSquarePixelWidth(),
      height: await video.getSquarePixelHeight(),
      frameRate,
      frames,
      durationSeconds,
      hasAudio: audio !== null,
      audioChannels: audio?.numberOfChannels ?? 0,
      audioRate: audio?.sampleRate ?? 0,
      videoCodec: (await video.getCodecParameterString()) ?? '',
    })
    if (!media.success) fail('media_unreadable', `${fileName} does not look like a playable video.`, unreadableHint)
    const format = await joinFormatOf(input, frameRate).catch(() => null)
    return { media: media.data, identity: file.identity, format, index }
  } catch (cause) {
    if (isAppErrorException(cause)) throw cause
    throw new AppErrorException({ code: 'media_unreadable', message: `${fileName} is not a readable MP4 video.`, hint: unreadableHint })
  } finally {
    input.dispose()
    await file.handle.close()
  }
}

async function openTake(root: string, filePath: string): Promise<ContainedFile> {
  try {
    return await openContained(root, filePath)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
    return fail('take_file_missing', `The video file ${path.basename(filePath)} is missing from the project's takes folder.`, unreadableHint)
  }
}

/** The exact frame count, and the frame rate as the rational the file's own time scale gives (24/1, 30000/1001). */
async function countFrames(video: InputVideoTrack): Promise<{ frames: number; frameRate: FrameRate }> {
  const timescale = await video.getTimeResolution()
  const ticksPerFrame = new Map<number, number>()
  let frames = 0
  for await (const packet of new EncodedPacketSink(video).packets(undefined, undefined, { metadataOnly: true })) {
    frames++
    const ticks = Math.round(packet.duration * timescale)
    if (ticks > 0) ticksPerFrame.set(ticks, (ticksPerFrame.get(ticks) ?? 0) + 1)
  }
  const commonest = [...ticksPerFrame].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
  return { frames, frameRate: reduce(timescale, commonest) }
}

function reduce(num: number, den: number): FrameRate {
  if (den === 0) return { num: 0, den: 1 }
  const divisor = gcd(Math.round(num), den)
  return { num: Math.round(num) / divisor, den: den / divisor }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
