import path from 'node:path'
import { AppErrorException, fail } from '../../../shared/errors'
import { parseFdx } from '../../../shared/script/fdx'
import { parseFountain } from '../../../shared/script/fountain'
import { MAX_SCRIPT_BYTES, ScreenplaySchema, type Screenplay } from '../../../shared/script/screenplay'
import { megabytes } from '../../../shared/byte-size'
export const scriptExtensions = ['.fountain', '.spmd', '.txt', '.fdx'] as const

const hint = 'Save the script from your screenwriting app as Fountain (.fountain) or Final Draft (.fdx), then import that.'

/**
 * Turns a script file's bytes into a screenplay, or refuses it with a typed error: too large, binary or not UTF-8
 * (whatever its name says), an unsafe or broken FDX, or text with neither a scene heading nor a line of dialogue.
 * Nothing here touches a project.
 */
export function parseScript(name: string, bytes: Uint8Array): Screenplay {
  refuseOversize(name, bytes.byteLength)
  const extension = path.extname(name).toLowerCase()
  if (!(scriptExtensions as readonly string[]).includes(extension)) {
    fail('script_unreadable', `${name} is not a screenplay file Omniboard reads (${scriptExtensions.join(', ')}).`, hint)
  }
  const text = decodeText(name, bytes)
  const xml = /^\s*<(\?xml|FinalDraft)/.test(text)
  const parsed = extension === '.fdx' || xml ? parseFdx(text) : { ok: true as const, value: parseFountain(text) }
  if (!parsed.ok) throw new AppErrorException(parsed.error)
  const checked = ScreenplaySchema.safeParse(parsed.value)
  if (!checked.success) fail('script_too_large', `${name} has more scenes or longer passages than Omniboard can break down.`, 'Import the script in parts (one act per file).')
  const screenplay = checked.data
  const readsAsScript = screenplay.scenes.some((scene) => scene.heading !== '' || scene.elements.some((element) => element.type === 'dialogue'))
  if (!readsAsScript) fail('script_unreadable', `${name} has no scene heading and no dialogue, so it does not read as a screenplay.`, hint)
  return screenplay
}

export function refuseOversize(name: string, bytes: number): void {
  if (bytes <= MAX_SCRIPT_BYTES) return
  fail('script_too_large', `${name} is ${megabytes(bytes)} — a screenplay is at most ${megabytes(MAX_SCRIPT_BYTES)}.`, 'Check that this is the script; if it holds images or attachments, export the text alone as Fountain or Final Draft.')
}

function decodeText(name: string, bytes: Uint8Array): string {
  // A NUL byte never appears in a text script; it is the surest sign of a binary file given a script's name.
  if (bytes.includes(0)) fail('script_unreadable', `${name} is a binary file, not a screenplay.`, hint)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail('script_unreadable', `${name} is not UTF-8 text, so it is not a Fountain or Final Draft script.`, hint)
  }
}

