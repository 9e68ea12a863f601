import type { Clip, Take } from '../domain/project'

/** A next shot following a take of another clip: the timeline draws it like a chained frame. */
export type VideoLink = {
  fromClipId: string
  toClipId: string
  takeId: string
  /** The source clip's chosen take when it is no longer the one this shot follows: the next shot is out of date. */
  staleAgainst: string | null
}

/** Every next shot whose video is a take of this project, with whether its source clip has chosen another take since. */
export function videoLinksOf(clips: readonly Pick<Clip, 'id' | 'chosenTakeId' | 'videoReference'>[], takes: readonly Pick<Take, 'id' | 'clipId'>[]): VideoLink[] {
  return clips.flatMap((clip) => {
    const source = clip.videoReference?.source
    if (source?.kind !== 'take') return []
    const take = takes.find((candidate) => candidate.id === source.takeId)
    const from = take ? clips.find((candidate) => candidate.id === take.clipId) : undefined
    if (!take || !from) return []
    const stale = from.chosenTakeId !== null && from.chosenTakeId !== take.id
    return [{ fromClipId: from.id, toClipId: clip.id, takeId: take.id, staleAgainst: stale ? from.chosenTakeId : null }]
  })
}
