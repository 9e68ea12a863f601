import type { Clip, Element, Take } from '../../../../../shared/domain/project'
import { isClipSendable, summarizeIssues, validateClip } from '../../../../../shared/domain/validate-clip'
import { call } from '../../../ipc/client'
import { onlyQuietErrors } from '../../clip-editor/validation/quiet-issues'
import { flushEdits } from '../../../store/document-slice'
import { useStore } from '../../../store/store'
import type { Store } from '../../../store/types'
import { guardStart } from './start-guard'

export type GenerateBlock = { reason: string; kind: 'invalid' | 'todo' | 'offline' | 'no_key' } | null

export const NO_KEY_REASON = 'Add your MuleRouter API key in Settings to generate. Drafting works without one.'

/** Why Generate would not send this clip right now, in words for the button's description. */
type BlockInputs = Pick<Store, 'assets' | 'online' | 'settings'> & { elements: readonly Element[]; takes: readonly Take[] }

export function generateBlock(clip: Clip, state: BlockInputs): GenerateBlock {
  const issues = validateClip(clip, { assets: state.assets, elements: [...state.elements], takes: state.takes })
  const summary = summarizeIssues(issues)
  if (summary.firstError && onlyQuietErrors(issues)) return { kind: 'todo', reason: summary.firstError.message }
  if (summary.firstError) return { kind: 'invalid', reason: `${summary.headline}: ${summary.firstError.message}` }
  if (!state.online) return { kind: 'offline', reason: 'You are offline. Generating needs a connection; drafting still works.' }
  if (!state.settings?.hasApiKey) return { kind: 'no_key', reason: NO_KEY_REASON }
  return null
}

/**
 * One press of Generate: sends the clip as it stands (pending edits reach the main process first, so it generates
 * what is on screen) under the press's action id; see start-guard for what counts as one press.
 */
export async function generateClip(clipId: string): Promise<void> {
  await guardStart(clipId, (actionId) => sendClip(clipId, actionId))
}

async function sendClip(clipId: string, actionId: string): Promise<void> {
  const state = useStore.getState()
  const clip = state.doc?.clips.find((c) => c.id === clipId)
  if (!clip) return
  const block = generateBlock(clip, { ...state, elements: state.doc?.elements ?? [] })
  if (block?.kind === 'no_key') return state.openDialog('settings', NO_KEY_REASON)
  if (block) {
    state.pushToast({ tone: 'warning', message: block.reason })
    return
  }
  if (!isClipSendable(validateClip(clip, { assets: state.assets, elements: state.doc?.elements ?? [], takes: state.takes }))) return
  await flushEdits()
  const take = await call('generation:start', { clipId, actionId })
  if (take) useStore.getState().upsertTake(take)
}
