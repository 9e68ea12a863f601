import { apiRules } from '../domain/api-rules'
import { createClip, createElement, createShot } from '../domain/create'
import type { EditOp } from '../domain/edits-schema'
import type { Clip, Element, ProjectDefaults } from '../domain/project'
import { fitShotsToDuration, usesShotDurations } from '../domain/shot-durations'
import { beatSeconds, beatText, type Beat } from './beats'
import { clipSeconds, speaks, type Breakdown, type ProposedClip } from './breakdown'
import { characterKey, displayName, mentionsOf } from './character-names'
import { beatPrompt, type ClipCast } from './script-prompt'
import type { ScriptScene } from './screenplay'

/** A character saved in the app's library, already copied into the project (its images are project assets). */
export type LibraryMatch = Pick<Element, 'name' | 'frontalAssetId' | 'referenceAssetIds'>

export type ScriptImportContext = {
  defaults: ProjectDefaults
  elements: readonly Pick<Element, 'id' | 'name'>[]
  library: readonly LibraryMatch[]
  newId(): string
}

export type CastMember = { key: string; name: string; elementId: string; source: 'project' | 'library' | 'new' }
export type BuiltClip = { clip: Clip; omittedLines: number }
export type ScriptImport = { ops: EditOp[]; clips: BuiltClip[]; cast: CastMember[] }

/** The text a user edits in a clip: its prompt, or its shots' prompts when the shots are what is sent. */
export const clipPromptText = (clip: Pick<Clip, 'prompt' | 'shots' | 'multiShot' | 'shotType'>): string =>
  usesShotDurations(clip) ? clip.shots.map((shot) => shot.prompt).join('\n') : clip.prompt

/** "12 INT. LIGHTHOUSE — NIGHT": the scene's number and heading, as titles and the breakdown show them. */
export const sceneLabel = (scene: Pick<ScriptScene, 'number' | 'heading'>): string =>
  `${scene.number ? `${scene.number} ` : ''}${(scene.heading || 'Opening').replace(/ - /g, ' — ')}`

/** "1 3/8 pages", "3/8 page", "2 pages": a scene's length as a script supervisor writes it. */
export function pageLength(eighths: number): string {
  const words = [Math.floor(eighths / 8) || '', eighths % 8 ? `${eighths % 8}/8` : ''].filter(Boolean).join(' ')
  return `${words} ${eighths <= 8 ? 'page' : 'pages'}`
}

/** "12 INT. LIGHTHOUSE — NIGHT · 2": the scene, and the clip's place in it. */
export const sceneClipTitle = (scene: Pick<ScriptScene, 'number' | 'heading'>, part: number): string => `${sceneLabel(scene).slice(0, 190)} · ${part}`

/**
 * The edits that import a breakdown: the characters that have no element yet (from the library when it has them,
 * else as named placeholders waiting for a frontal image), then the chosen scenes' clips after the existing ones.
 * Applied together they are one undoable step.
 */
export function buildScriptImport(breakdown: Breakdown, context: ScriptImportContext): ScriptImport {
  const chosen = breakdown.scenes.filter((s) => s.include)
  const cast = resolveCast(chosen.flatMap((s) => s.clips.flatMap((clip) => clip.beats)), context)
  const clips = chosen.flatMap((s) => s.clips.map((proposal, i) => buildClip(s.scene, i + 1, proposal, speaks(breakdown, proposal), cast, context)))
  const ops: EditOp[] = [
    ...cast.filter((member) => member.source !== 'project').map((member) => ({ type: 'addElement' as const, element: elementFor(member, context) })),
    ...clips.map(({ clip }) => ({ type: 'addClip' as const, clip })),
  ]
  return { ops, clips, cast }
}

/**
 * The same import in place of `replaced` clips (the user's selection): they go, and the new clips take the place of
 * the first of them, in one edit. Without any, the clips come after the existing ones.
 */
export function replacingClips(built: ScriptImport, clipOrder: readonly string[], replaced: readonly string[]): EditOp[] {
  const at = clipOrder.findIndex((id) => replaced.includes(id))
  if (at === -1) return built.ops
  return [
    ...clipOrder.filter((id) => replaced.includes(id)).map((clipId) => ({ type: 'removeClip' as const, clipId })),
    ...built.ops.filter((op) => op.type === 'addElement'),
    ...built.clips.map(({ clip }, i) => ({ type: 'addClip' as const, clip, index: at + i })),
  ]
}

function resolveCast(beats: readonly Beat[], context: ScriptImportContext): CastMember[] {
  const cast = new Map<string, CastMember>()
  for (const line of beats.flatMap((beat) => (beat.kind === 'dialogue' ? beat.lines : []))) {
    const key = characterKey(line.character)
    if (cast.has(key) || key === '') continue
    const existing = context.elements.find((element) => characterKey(element.name) === key)
    const saved = context.library.find((character) => characterKey(character.name) === key)
    const name = existing?.name ?? saved?.name ?? displayName(line.character)
    cast.set(key, { key, name, elementId: existing?.id ?? context.newId(), source: existing ? 'project' : saved ? 'library' : 'new' })
  }
  return [...cast.values()]
}

function elementFor(member: CastMember, context: ScriptImportContext): Element {
  const saved = context.library.find((character) => characterKey(character.name) === member.key)
  return saved ? { ...createElement(member.elementId, member.name), frontalAssetId: saved.frontalAssetId, referenceAssetIds: saved.referenceAssetIds } : createElement(member.elementId, member.name)
}

/** Speakers first, then those the action names, in order of appearance; at most what a request can carry. */
export function castInBeats(beats: readonly Beat[], cast: readonly CastMember[]): CastMember[] {
  const present: CastMember[] = []
  const add = (member: CastMember | undefined) => member && !present.includes(member) && present.push(member)
  for (const beat of beats) {
    if (beat.kind === 'dialogue') beat.lines.forEach((line) => add(cast.find((m) => m.key === characterKey(line.character))))
    else cast.filter((m) => mentionsOf(beat.text, m.name).length > 0 || mentionsOf(beat.text, displayName(m.key)).length > 0).forEach(add)
  }
  return present.slice(0, apiRules.maxImagesAndElements)
}

function buildClip(scene: ScriptScene, part: number, proposal: ProposedClip, speak: boolean, cast: readonly CastMember[], context: ScriptImportContext): BuiltClip {
  const present = castInBeats(proposal.beats, cast)
  const promptCast: ClipCast = present.map((member) => ({ key: member.key, name: member.name }))
  const hasLines = proposal.beats.some((beat) => beat.kind === 'dialogue')
  const base: Clip = {
    ...createClip(context.defaults, context.newId(), sceneClipTitle(scene, part)),
    duration: clipSeconds(proposal),
    sound: speak && hasLines ? 'on' : context.defaults.sound,
    elementIds: present.map((member) => member.elementId),
  }
  const single = proposal.beats.length === 1
  const prompts = proposal.beats.map((beat) => beatPrompt(beat, promptCast, speak, single ? apiRules.promptMaxChars : apiRules.shotPromptMaxChars))
  const clip: Clip = single ? { ...base, prompt: prompts[0]!.text } : withShots(base, proposal.beats, prompts.map((p) => p.text), context)
  clip.script = {
    sceneKey: scene.key,
    part,
    text: proposal.beats.map(beatText).join('\n\n'),
    importedPrompt: clipPromptText(clip),
    dialogue: proposal.beats.flatMap((beat) => (beat.kind === 'dialogue' ? beat.lines : [])),
    changed: null,
  }
  return { clip, omittedLines: prompts.reduce((sum, p) => sum + p.omittedLines, 0) }
}

/** A merged clip: one shot per beat, each as long as its beat by the rule, fitted to the clip's length. */
function withShots(base: Clip, beats: readonly Beat[], prompts: readonly string[], context: ScriptImportContext): Clip {
  const fitted = fitShotsToDuration(beats.map((beat) => Math.max(apiRules.minShotDuration, Math.round(beatSeconds(beat)))), base.duration)
  const shots = prompts.map((prompt, i) => createShot(context.newId(), prompt, fitted.durations[i]))
  return { ...base, multiShot: true, shotType: 'customize', shots, duration: fitted.total }
}
