import { applyEdit } from '../domain/edits'
import type { EditOp } from '../domain/edits-schema'
import type { Clip, ProjectDocument } from '../domain/project'
import { proposeBreakdown } from './breakdown'
import { buildScriptImport, clipPromptText, sceneLabel, type ScriptImportContext } from './script-clips'
import type { Screenplay } from './screenplay'

export type SceneStatus = 'new' | 'changed' | 'gone' | 'same'
export type SceneChange = { key: string; label: string; status: SceneStatus }
export type Reimport = {
  scenes: SceneChange[]
  ops: EditOp[]
  counts: { added: number; updated: number; marked: number; removed: number }
  /** Clips with takes the new draft no longer has: kept (and marked) unless the user said to remove them. */
  goneWithTakes: string[]
}

/** The user has not edited a clip while its prompt text is still what the import wrote. */
export const isUnedited = (clip: Clip): boolean => clip.script !== undefined && clipPromptText(clip) === clip.script.importedPrompt

/** True when the project holds clips from an imported script, so a script dropped now is a newer draft of it. */
export const hasScriptClips = (doc: Pick<ProjectDocument, 'clips'>): boolean => doc.clips.some((clip) => clip.script !== undefined)

/**
 * Brings a newer draft in, scene by scene (matched by number, else by heading): new scenes' clips are added after
 * the scene before them; in a changed scene, a clip the user has not edited takes the new words (keeping its id,
 * takes, frames and settings), an edited one is marked "script changed" with the new words; a clip whose words
 * are gone is removed only if it is unedited and has no takes (or `removeClipsWithTakes`), else marked.
 */
export function planReimport(
  doc: ProjectDocument,
  clipsWithTakes: ReadonlySet<string>,
  screenplay: Screenplay,
  context: Omit<ScriptImportContext, 'elements'> & { speak: boolean; removeClipsWithTakes: boolean },
): Reimport {
  const ops: EditOp[] = []
  const counts = { added: 0, updated: 0, marked: 0, removed: 0 }
  const goneWithTakes: string[] = []
  let working = doc
  const apply = (op: EditOp) => {
    ops.push(op)
    working = applyEdit(working, op)
  }
  const sceneClips = (key: string) => working.clips.filter((clip) => clip.script?.sceneKey === key).sort((a, b) => a.script!.part - b.script!.part)
  const retire = (clip: Clip) => {
    const hasTakes = clipsWithTakes.has(clip.id)
    if (hasTakes && !context.removeClipsWithTakes) goneWithTakes.push(clip.id)
    if ((isUnedited(clip) && !hasTakes) || (hasTakes && context.removeClipsWithTakes)) {
      counts.removed += 1
      return apply({ type: 'removeClip', clipId: clip.id })
    }
    counts.marked += 1
    apply({ type: 'updateClip', clipId: clip.id, patch: { script: { ...clip.script!, changed: { text: '', gone: true } } } })
  }

  const breakdown = { ...proposeBreakdown(screenplay), speak: context.speak }
  const keys = new Set(breakdown.scenes.map((s) => s.scene.key))
  const scenes: SceneChange[] = []
  // New scenes go after the clips of the scene before them; the first after any clips made before the script.
  let insertAt = Math.max(0, doc.clips.findIndex((clip) => clip.script !== undefined))
  for (const proposal of breakdown.scenes) {
    const label = sceneLabel(proposal.scene)
    const built = buildScriptImport({ ...breakdown, scenes: [proposal] }, { ...context, elements: working.elements })
    built.ops.filter((op) => op.type === 'addElement').forEach(apply)
    const old = sceneClips(proposal.scene.key)
    if (old.length === 0) {
      for (const { clip } of built.clips) apply({ type: 'addClip', clip, index: insertAt++ })
      counts.added += built.clips.length
      scenes.push({ key: proposal.scene.key, label, status: 'new' })
      continue
    }
    // Same words, however the user merged or split its clips: the scene stays as it is.
    if (old.map((clip) => clip.script!.text).join('\n\n') === built.clips.map(({ clip }) => clip.script!.text).join('\n\n')) {
      scenes.push({ key: proposal.scene.key, label, status: 'same' })
      const last = old.at(-1)!
      insertAt = working.clips.indexOf(last) + 1
      continue
    }
    built.clips.forEach(({ clip: fresh }, i) => {
      const clip = old[i]
      if (!clip) {
        counts.added += 1
        return apply({ type: 'addClip', clip: fresh, index: working.clips.indexOf(sceneClips(proposal.scene.key).at(-1)!) + 1 })
      }
      if (clip.script!.text === fresh.script!.text) return
      if (!isUnedited(clip)) {
        counts.marked += 1
        return apply({ type: 'updateClip', clipId: clip.id, patch: { script: { ...clip.script!, changed: { text: fresh.script!.text, gone: false } } } })
      }
      counts.updated += 1
      const index = working.clips.indexOf(clip)
      apply({ type: 'removeClip', clipId: clip.id })
      apply({ type: 'addClip', index, clip: { ...clip, ...pick(fresh), script: fresh.script! } })
    })
    old.slice(built.clips.length).forEach(retire)
    const last = sceneClips(proposal.scene.key).at(-1)
    insertAt = last ? working.clips.indexOf(last) + 1 : Math.min(insertAt, working.clips.length)
    scenes.push({ key: proposal.scene.key, label, status: 'changed' })
  }
  for (const key of new Set(doc.clips.flatMap((clip) => (clip.script && !keys.has(clip.script.sceneKey) ? [clip.script.sceneKey] : [])))) {
    sceneClips(key).forEach(retire)
    scenes.push({ key, label: doc.clips.find((clip) => clip.script?.sceneKey === key)!.title.replace(/ · \d+$/, ''), status: 'gone' })
  }
  return { scenes, ops, counts, goneWithTakes }
}

/** What a new draft decides about a clip; its id, frames, mode, aspect, negative prompt and take notes stay. */
const pick = (fresh: Clip) => ({
  title: fresh.title,
  prompt: fresh.prompt,
  duration: fresh.duration,
  sound: fresh.sound,
  multiShot: fresh.multiShot,
  shotType: fresh.shotType,
  shots: fresh.shots,
  elementIds: fresh.elementIds,
})
