import { promises as fs } from 'node:fs'
import path from 'node:path'
import { EncodedPacketSink, FilePathSource, Input, MP4, type InputVideoTrack } from 'mediabunny'
import type { FrameRate, TakeMedia } from '../../../shared/cut/cut-plan'
import { TakeMediaSchema } from '../../../shared/cut/cut-plan-schema'
import { AppErrorException, fail, isAppErrorException } from '../../../shared/errors'

const unreadableHint = 'Download the take again, or choose another take for this clip.'

/**
 * Reads what a take's MP4 really holds — size, frame rate, exact frame count, audio — from the file itself,
 * because Kling's videos can run a little longer or shorter than asked and the cut must follow the real length.
 * Counting frames walks the sample table only (no decoding). A missing file, a file that is not an MP4 or one
 * without a video track throws an AppErrorException.
 */
export async function probeVideo(filePath: string): Promise<TakeMedia> {
  const fileName = path.basename(filePath)
  await fs.access(filePath).catch(() =>
    fail('take_file_missing', `The video file ${fileName} is missing from the project's takes folder.`, unreadableHint),
  )
  const input = new Input({ source: new FilePathSource(filePath), formats: [MP4] })
  try {
    const video = await input.getPrimaryVideoTrack()
    if (!video) fail('media_unreadable', `${fileName} has no video track.`, unreadableHint)
    const { frames, frameRate } = await countFrames(video)
    const durationSeconds = (await video.computeDuration()) - (await video.getFirstTimestamp())
    const media = TakeMediaSchema.safeParse({
      fileName,
      width: await video.getSquarePixelWidth(),
      height: await video.getSquarePixelHeight(),
      frameRate,
      frames,
      durationSeconds,
      hasAudio: (await input.getPrimaryAudioTrack()) !== null,
      videoCodec: (await video.getCodecParameterString()) ?? '',
    })
    if (!media.success) fail('media_unreadable', `${fileName} does not look like a playable video.`, unreadableHint)
    return media.data
  } catch (cause) {
    if (isAppErrorException(cause)) throw cause
    throw new AppErrorException({ code: 'media_unreadable', message: `${fileName} is not a readable MP4 video.`, hint: unreadableHint })
  } finally {
    input.dispose()
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
