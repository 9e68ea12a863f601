import { joinPackets } from './src/main/services/media/join-packets'
import { readJoinFormat } from './src/main/services/media/join-format'
import { probeVideo } from './src/main/services/media/probe-video'
import { encodeSilentFrame } from './src/main/services/media/silent-aac'
import { bundledFfmpegPath } from './src/main/services/media/ffmpeg-path'
import { Input, FilePathSource, ALL_FORMATS, EncodedPacketSink } from 'mediabunny'
const files = ['take-180p-sound-a','take-180p-silent','take-180p-sound-b'].map(f=>`test/fixtures/film/${f}.mp4`)
const segments = await Promise.all(files.map(async f => ({ filePath: f, media: await probeVideo(f) })))
const fmt = await readJoinFormat(files[0], segments[0].media.frameRate)
const ctrl = new AbortController()
const t = Date.now()
await joinPackets({ segments, codec: fmt.codec, outputPath: '/tmp/fe/out.mp4', audio: fmt.audio, silentFrame: () => encodeSilentFrame(bundledFfmpegPath(), fmt.audio!, ctrl.signal), signal: ctrl.signal, onProgress: p => console.log('p', p) })
console.log('ms', Date.now()-t)
const input = new Input({ source: new FilePathSource('/tmp/fe/out.mp4'), formats: ALL_FORMATS })
const v = await input.getPrimaryVideoTrack(); const a = await input.getPrimaryAudioTrack()
console.log(await v!.computeDuration(), (await v!.computePacketStats()).packetCount, await a!.computeDuration(), await a!.getFirstTimestamp(), v!.codedWidth)
