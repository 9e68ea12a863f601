import { newId } from '../../../../../shared/domain/ids'
import type { ProjectDocument, Take } from '../../../../../shared/domain/project'
import { characterKey } from '../../../../../shared/script/character-names'
import { proposeBreakdown, type Breakdown } from '../../../../../shared/script/breakdown'
import { hasScriptClips, planReimport, type Reimport } from '../../../../../shared/script/reimport'
import { MAX_SCRIPT_BYTES } from '../../../../../shared/script/screenplay'
import { buildScriptImport, replacingClips, type LibraryMatch } from '../../../../../shared/script/script-clips'
import { selectSelectedClipIds } from '../../../store/selectors'
import type { Store } from '../../../store/types'
import { call } from '../../../ipc/client'
import { useStore } from '../../../store/store'
import { selectAndReveal } from '../../timeline/reveal-clip'
import { useScriptImport, type ScriptSession } from './script-import-store'

export const SCRIPT_EXTENSIONS = ['.fountain', '.spmd', '.txt', '.fdx']
export const isScriptFile = (file: File): boolean => SCRIPT_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))

/** Main reads the file (and refuses what is not a script); the dialog then shows the breakdown, or the new draft. */
export async function openScript(file: File): Promise<void> {
  const head = file.slice(0, MAX_SCRIPT_BYTES + 1)
  const screenplay = await call('script:read', { name: file.name, size: file.size, bytes: new Uint8Array(await head.arrayBuffer()) })
  const doc = useStore.getState().doc
  if (!screenplay || !doc) return
  const mode = hasScriptClips(doc) ? 'reimport' : 'import'
  // A newer draft speaks its lines if the first import did (its dialogue clips have sound on).
  const speak = doc.clips.some((clip) => clip.sound === 'on' && (clip.script?.dialogue.length ?? 0) > 0)
  useScriptImport.getState().open({ fileName: file.name, screenplay, mode, breakdown: { ...proposeBreakdown(screenplay), speak: mode === 'reimport' && speak }, removeClipsWithTakes: false, replaceSelection: false })
}

/** Appends the chosen scenes' clips (and any new characters) as one edit, so one undo takes the import back. */
export async function importBreakdown(session: ScriptSession): Promise<void> {
  const store = useStore.getState()
  if (!store.doc) return
  useScriptImport.getState().setBusy(true)
  const library = await libraryMatches(session.breakdown)
  const built = buildScriptImport(session.breakdown, { defaults: store.doc.defaults, elements: store.doc.elements, library, newId: () => newId() })
  useScriptImport.getState().close()
  if (built.clips.length === 0) return
  const replaced = session.replaceSelection ? replaceableSelection(useStore.getState()) : []
  useStore.getState().edit(replacingClips(built, store.doc.clips.map((clip) => clip.id), replaced))
  selectAndReveal(built.clips[0]!.clip.id)
  const placeholders = built.cast.filter((member) => member.source === 'new').length
  useStore.getState().pushToast({
    tone: 'success',
    message: `Added ${built.clips.length === 1 ? '1 clip' : `${built.clips.length} clips`} from ${session.fileName}.`,
    hint: `${placeholders > 0 ? `${placeholders === 1 ? '1 new character needs' : `${placeholders} new characters need`} a frontal image. ` : ''}Ctrl/Cmd+Z takes the import back.`,
    tie: 'undo',
  })
}

/** The selected clips an import may take the place of: none if any has a take (those are deleted only by hand). */
export function replaceableSelection(state: Store): string[] {
  const selected = selectSelectedClipIds(state)
  return selected.some((id) => state.takes.some((take) => take.clipId === id)) ? [] : selected
}

export function planDraft(session: ScriptSession, doc: ProjectDocument | null, takes: readonly Pick<Take, 'clipId'>[]): Reimport | null {
  if (!doc) return null
  return planReimport(doc, new Set(takes.map((take) => take.clipId)), session.screenplay, {
    defaults: doc.defaults,
    library: [],
    newId: () => newId(),
    speak: session.breakdown.speak,
    removeClipsWithTakes: session.removeClipsWithTakes,
  })
}

export function applyDraft(session: ScriptSession): void {
  const { doc, takes } = useStore.getState()
  const plan = planDraft(session, doc, takes)
  useScriptImport.getState().close()
  if (!plan || plan.ops.length === 0) return
  useStore.getState().edit(plan.ops)
  const { added, updated, marked, removed } = plan.counts
  const said = [added && `${added} added`, updated && `${updated} updated`, marked && `${marked} marked "script changed"`, removed && `${removed} removed`].filter(Boolean)
  useStore.getState().pushToast({ tone: 'success', message: `${session.fileName}: clips ${said.join(', ')}.`, hint: 'Ctrl/Cmd+Z takes the changes back.', tie: 'undo' })
}

/**
 * Speaking characters the project has no element for but the library has: their images are copied into the
 * project first (an asset import, like Insert in the Library panel), so the import's elements can show them.
 */
async function libraryMatches(breakdown: Breakdown): Promise<LibraryMatch[]> {
  const doc = useStore.getState().doc!
  const known = new Set(doc.elements.map((element) => characterKey(element.name)))
  const speakers = new Set(
    breakdown.scenes.filter((s) => s.include).flatMap((s) => s.clips.flatMap((clip) => clip.beats.flatMap((beat) => (beat.kind === 'dialogue' ? beat.lines.map((line) => characterKey(line.character)) : [])))),
  )
  const wanted = [...speakers].filter((key) => !known.has(key))
  if (wanted.length === 0) return []
  const characters = (await call('library:list', {})) ?? []
  const matches: LibraryMatch[] = []
  for (const character of characters.filter((c) => wanted.includes(characterKey(c.name)))) {
    const inserted = await call('library:insert', { characterId: character.id })
    if (!inserted) continue
    useStore.getState().addAssets(inserted.assets)
    matches.push({ name: inserted.name, frontalAssetId: inserted.frontalAssetId, referenceAssetIds: inserted.referenceAssetIds })
  }
  return matches
}
