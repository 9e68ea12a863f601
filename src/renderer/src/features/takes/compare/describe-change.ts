import type { RequestChange, ShotChange } from '../../../../../shared/takes/request-diff'

const fieldNames: Record<RequestChange['field'], string> = {
  prompt: 'Prompt',
  negative_prompt: 'Negative prompt',
  duration: 'Duration',
  mode: 'Mode',
  aspect_ratio: 'Aspect',
  sound: 'Sound',
  shot_type: 'Shot type',
  first_frame: 'First frame',
  last_frame: 'Last frame',
  elements: 'Elements',
  images: 'Reference images',
  video: 'Video',
  shots: 'Shots',
}

/** How a request names its video (`take:<id>` or an https link) in words: "take 2", "cdn.example.com". */
export type NameVideo = (ref: string) => string

/** The field's name as the change lists say it ("Reference images"). */
const changeFieldName = (change: RequestChange): string => fieldNames[change.field]

/** One line of a diff: where it is ("Prompt", "Shot 3"), the words added and dropped there, and any other change. */
export type ChangeLine = { where: string; added: string[]; removed: string[]; text: string | null }

/**
 * A changed field as lines a user reads at a glance; a multi-shot change gets a line per shot, so each says which
 * shot ("Shot 3: + Thick fog rolls in") rather than pooling every shot's words under "Shots".
 */
export function describeChange(change: RequestChange, nameVideo: NameVideo = (ref) => ref): ChangeLine[] {
  const where = changeFieldName(change)
  const line = (text: string | null, added: string[] = [], removed: string[] = []): ChangeLine[] => [{ where, added, removed, text }]
  switch (change.kind) {
    case 'words':
      return line(null, change.added, change.removed)
    case 'value':
      return line(`${valueText(change.field, change.from)} → ${valueText(change.field, change.to)}`)
    case 'image':
      return line(change.from === null ? 'added' : change.to === null ? 'removed' : 'a different image')
    case 'video':
      return line(`${change.from === null ? 'none' : nameVideo(change.from)} → ${change.to === null ? 'none' : nameVideo(change.to)}`)
    case 'elements':
      return line(`${change.from} → ${change.to}; ${change.changed.map((n) => `#${n}`).join(', ')} differ`)
    case 'shots':
      return [...(change.from !== change.to ? line(`${change.from} → ${change.to} shots`) : []), ...change.shots.map(shotLine)]
  }
}

function shotLine(shot: ShotChange): ChangeLine {
  const length = shot.durationFrom === null ? 'new shot' : shot.durationTo === null ? 'shot removed' : shot.durationFrom !== shot.durationTo ? `${shot.durationFrom} → ${shot.durationTo} s` : null
  return { where: `Shot ${shot.number}`, added: shot.added, removed: shot.removed, text: length }
}

function valueText(field: RequestChange['field'], value: string | null): string {
  if (value === null) return 'none'
  if (field === 'duration') return `${value} s`
  if (field === 'sound') return value === 'on' ? 'sound on' : 'silent'
  return value
}
