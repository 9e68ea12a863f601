import type { DialogueLevel, MixPlan } from '../../../shared/audio/mix-plan'
import type { FfmpegInput } from '../ffmpeg/ffmpeg'

/** Every lane item and the takes' sound are mixed at 48 kHz stereo, the rate of the film's AAC track. */
export const MIX_RATE = 48_000
const FORMAT = `aresample=${MIX_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo`

export interface MixGraph {
  inputs: FfmpegInput[]
  /** Filter lines ending in `[mix]`: the film's sound, `filmSeconds` long, before loudness normalisation. */
  filters: string[]
}

/**
 * The ffmpeg filter graph of a mix plan, input 0 being the film's picture (with its own sound when `pictureHasSound`):
 * the takes' sound at each clip's level, each lane item cut (`atrim`), levelled (`volume`), faded (`afade`, straight
 * lines as in Play film) and placed (`adelay`), all summed (`amix`, whose division by the input count is undone).
 * `files` gives each sound file's path (already checked to be inside the project) and demuxer.
 */
export function mixFilterGraph(plan: MixPlan, filmSeconds: number, pictureHasSound: boolean, files: ReadonlyMap<string, Omit<Extract<FfmpegInput, { kind: 'audio' }>, 'kind' | 'options'>>): MixGraph {
  const film = seconds(filmSeconds)
  const inputs: FfmpegInput[] = []
  const filters: string[] = []
  let next = 1
  if (pictureHasSound) filters.push(`[0:a]${FORMAT},volume='${dialogueExpression(plan.dialogue)}':eval=frame,apad,atrim=duration=${film}[dialogue]`)
  else {
    inputs.push({ kind: 'generated', graph: `anullsrc=r=${MIX_RATE}:cl=stereo`, options: ['-t', film] })
    filters.push(`[${next++}:a]${FORMAT}[dialogue]`)
  }
  const labels = ['[dialogue]']
  plan.sources.forEach((source, index) => {
    const file = files.get(source.audioId)
    if (!file) return
    inputs.push({ kind: 'audio', ...file })
    const length = seconds(source.durationSeconds)
    const delayMs = Math.round(source.filmStartSeconds * 1000)
    const fades = [
      source.fadeInSeconds > 0 ? `afade=t=in:st=0:d=${seconds(source.fadeInSeconds)}` : null,
      source.fadeOutSeconds > 0 ? `afade=t=out:st=${seconds(source.durationSeconds - source.fadeOutSeconds)}:d=${seconds(source.fadeOutSeconds)}` : null,
    ].filter((fade) => fade !== null)
    const chain = [`atrim=start=${seconds(source.sourceInSeconds)}:duration=${length}`, 'asetpts=PTS-STARTPTS', FORMAT, `volume=${source.gain.toFixed(6)}`, ...fades, `adelay=${delayMs}|${delayMs}`, 'apad']
    filters.push(`[${next++}:a]${chain.join(',')}[s${index}]`)
    labels.push(`[s${index}]`)
  })
  // amix divides by the number of inputs; with every input padded they all stay active, so the division is constant.
  filters.push(labels.length === 1 ? '[dialogue]anull[mix]' : `${labels.join('')}amix=inputs=${labels.length}:duration=first:dropout_transition=0,volume=${labels.length}[mix]`)
  return { inputs, filters }
}

/** The takes' level over the film: each clip's gain inside its span, full level elsewhere (quoted in the graph, so its commas stay). */
function dialogueExpression(levels: readonly DialogueLevel[]): string {
  return levels
    .filter((level) => level.gain !== 1)
    .reduceRight((rest, level) => `if(between(t,${seconds(level.startSeconds)},${seconds(level.startSeconds + level.durationSeconds)}),${level.gain.toFixed(6)},${rest})`, '1')
}

const seconds = (value: number): string => Math.max(0, value).toFixed(6)
