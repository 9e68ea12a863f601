import { promptWithElementNames } from '../domain/element-tokens'
import type { Take } from '../domain/project'
import { takeNumberOf } from '../domain/take-numbers'
import type { VideoSource } from '../domain/video-reference'
import { takeIdOfVideoRef } from './path-form'

/** "take 2", or "your video at cdn.example.com" for the user's own link. */
export function sourceWords(source: VideoSource, takes: readonly Take[]): string {
  if (source.kind === 'url') return `your video at ${new URL(source.url).hostname}`
  const number = takeNumberOf(takes, source.takeId)
  return number === null ? 'a removed take' : `take ${number}`
}

/** A request's video (`take:<id>` or an https link) in the same words, for the request diffs. */
export function videoRefWords(ref: string, takes: readonly Take[]): string {
  const takeId = takeIdOfVideoRef(ref)
  if (takeId !== null) return sourceWords({ kind: 'take', takeId }, takes)
  return URL.canParse(ref) ? sourceWords({ kind: 'url', url: ref }, takes) : ref
}

/** "Edit of take 2: add falling snow" — how an edit take is labelled in the take list, the compare view and the exports. */
export function editLineageWords(take: Take, takes: readonly Take[]): string | null {
  if (!take.edit) return null
  const instruction = promptWithElementNames(take.edit.instruction, () => undefined).trim()
  return `Edit of ${sourceWords(take.edit.source, takes)}: ${instruction}`
}
