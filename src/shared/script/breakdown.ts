import { apiRules } from '../domain/api-rules'
import { beatSeconds, sceneBeats, type Beat } from './beats'
import type { Screenplay, ScriptScene } from './screenplay'

/** A clip the import proposes: its beats (several once merged: one shot each), and the user's overrides. */
export type ProposedClip = {
  id: string
  beats: Beat[]
  /** Seconds the user chose; null follows the duration rule. */
  seconds: number | null
  /** Put the lines in the prompt (sound on); null follows the whole import's choice. */
  speak: boolean | null
}
export type SceneProposal = { scene: ScriptScene; include: boolean; clips: ProposedClip[] }
export type Breakdown = { title: string | null; scenes: SceneProposal[]; speak: boolean }

/** By default one clip per action paragraph or dialogue exchange, every scene chosen, lines not spoken. */
export function proposeBreakdown(screenplay: Screenplay): Breakdown {
  return {
    title: screenplay.title,
    speak: false,
    scenes: screenplay.scenes.map((scene, s) => ({
      scene,
      include: true,
      clips: sceneBeats(scene).map((beat, b) => ({ id: `s${s + 1}c${b + 1}`, beats: [beat], seconds: null, speak: null })),
    })),
  }
}

const clampSeconds = (seconds: number): number => Math.min(apiRules.maxDuration, Math.max(apiRules.minDuration, Math.ceil(seconds)))

/** The clip's length: the user's choice, else its beats' time by the rule, clamped to 3–15 s. */
export const clipSeconds = (clip: ProposedClip): number =>
  clip.seconds ?? clampSeconds(clip.beats.reduce((sum, beat) => sum + beatSeconds(beat), 0))

export const speaks = (breakdown: Pick<Breakdown, 'speak'>, clip: ProposedClip): boolean =>
  clip.speak ?? breakdown.speak

/** A merged clip sends one shot per beat, and Kling takes at most 6. */
export const canMergeWithNext = (clips: readonly ProposedClip[], index: number): boolean =>
  index + 1 < clips.length && clips[index]!.beats.length + clips[index + 1]!.beats.length <= apiRules.maxShots

/** Joins a clip with the next one in its scene. */
export function mergeWithNext(breakdown: Breakdown, sceneKey: string, clipId: string): Breakdown {
  return mapClips(breakdown, sceneKey, (clips) => {
    const at = clips.findIndex((clip) => clip.id === clipId)
    if (at === -1 || !canMergeWithNext(clips, at)) return clips
    const [first, second] = [clips[at]!, clips[at + 1]!]
    const merged: ProposedClip = { id: first.id, beats: [...first.beats, ...second.beats], seconds: null, speak: first.speak ?? second.speak }
    return [...clips.slice(0, at), merged, ...clips.slice(at + 2)]
  })
}

/** Cuts a clip in two: between its beats, else between its speeches, else between its sentences. */
export function splitClip(breakdown: Breakdown, sceneKey: string, clipId: string): Breakdown {
  return mapClips(breakdown, sceneKey, (clips) => {
    const at = clips.findIndex((clip) => clip.id === clipId)
    const halves = at === -1 ? null : splitBeats(clips[at]!.beats)
    if (!halves) return clips
    const clip = clips[at]!
    const parts = halves.map((beats, i) => ({ id: `${clip.id}${i === 0 ? 'a' : 'b'}`, beats, seconds: null, speak: clip.speak }))
    return [...clips.slice(0, at), ...parts, ...clips.slice(at + 1)]
  })
}

export const canSplit = (clip: ProposedClip): boolean => splitBeats(clip.beats) !== null

function splitBeats(beats: readonly Beat[]): [Beat[], Beat[]] | null {
  if (beats.length > 1) {
    const half = Math.ceil(beats.length / 2)
    return [beats.slice(0, half), beats.slice(half)]
  }
  const beat = beats[0]
  if (beat?.kind === 'dialogue' && beat.lines.length > 1) {
    const half = Math.ceil(beat.lines.length / 2)
    return [[{ kind: 'dialogue', lines: beat.lines.slice(0, half) }], [{ kind: 'dialogue', lines: beat.lines.slice(half) }]]
  }
  const sentences = beat?.kind === 'action' ? (beat.text.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? []) : []
  if (sentences.length < 2) return null
  const half = Math.ceil(sentences.length / 2)
  const text = (part: string[]) => ({ kind: 'action' as const, text: part.join('').trim() })
  return [[text(sentences.slice(0, half))], [text(sentences.slice(half))]]
}

export function setClipSeconds(breakdown: Breakdown, sceneKey: string, clipId: string, seconds: number | null): Breakdown {
  return mapClips(breakdown, sceneKey, (clips) => clips.map((clip) => (clip.id === clipId ? { ...clip, seconds } : clip)))
}

export function setClipSpeak(breakdown: Breakdown, sceneKey: string, clipId: string, speak: boolean | null): Breakdown {
  return mapClips(breakdown, sceneKey, (clips) => clips.map((clip) => (clip.id === clipId ? { ...clip, speak } : clip)))
}

/** One length for every clip, or null to go back to the rule for all. */
export function setAllSeconds(breakdown: Breakdown, seconds: number | null): Breakdown {
  return { ...breakdown, scenes: breakdown.scenes.map((s) => ({ ...s, clips: s.clips.map((clip) => ({ ...clip, seconds })) })) }
}

export function setSceneIncluded(breakdown: Breakdown, sceneKey: string, include: boolean): Breakdown {
  return { ...breakdown, scenes: breakdown.scenes.map((s) => (s.scene.key === sceneKey ? { ...s, include } : s)) }
}

function mapClips(breakdown: Breakdown, sceneKey: string, change: (clips: ProposedClip[]) => ProposedClip[]): Breakdown {
  return { ...breakdown, scenes: breakdown.scenes.map((s) => (s.scene.key === sceneKey ? { ...s, clips: change(s.clips) } : s)) }
}
