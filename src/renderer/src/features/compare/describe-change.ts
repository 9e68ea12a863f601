import type { RequestChange } from '../../../../shared/takes/request-diff'

const fieldNames: Record<RequestChange['field'], string> = {
  prompt: 'Prompt',
  negative_prompt: 'Negative prompt',
  duration: 'Duration',
  mode: 'Mode',
  aspect_ratio: 'Aspect',
  sound: 'Sound',
  shot_type: 'Shots',
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
export const changeFieldName = (change: RequestChange): string => fieldNames[change.field]

export type ChangeLine = { field: string; added: string[]; removed: string[]; text: string | null }

/** One line per changed field, in words a user reads at a glance: added words in green, removed struck out. */
export function describeChange(change: RequestChange, nameVideo: NameVideo): ChangeLine {
  const field = changeFieldName(change)
  switch (change.kind) {
    case 'words':
      return { field, added: change.added, removed: change.removed, text: null }
    case 'value':
      return { field, added: [], removed: [], text: `${valueText(change.field, change.from)} → ${valueText(change.field, change.to)}` }
    case 'image':
      return { field, added: [], removed: [], text: change.from === null ? 'added' : change.to === null ? 'removed' : 'a different image' }
    case 'video':
      return { field, added: [], removed: [], text: `${change.from === null ? 'none' : nameVideo(change.from)} → ${change.to === null ? 'none' : nameVideo(change.to)}` }
    case 'elements':
      return { field, added: [], removed: [], text: `${change.from} → ${change.to}; ${change.changed.map((n) => `#${n}`).join(', ')} differ` }
    case 'shots':
      return {
        field,
        added: change.shots.flatMap((shot) => shot.added),
        removed: change.shots.flatMap((shot) => shot.removed),
        text: [
          change.from !== change.to ? `${change.from} → ${change.to} shots` : null,
          ...change.shots.filter((shot) => shot.durationFrom !== shot.durationTo).map((shot) => `shot ${shot.number} ${shot.durationFrom ?? 0} → ${shot.durationTo ?? 0} s`),
        ].filter(Boolean).join('; ') || null,
      }
  }
}

function valueText(field: RequestChange['field'], value: string | null): string {
  if (value === null) return 'none'
  if (field === 'duration') return `${value} s`
  if (field === 'sound') return value === 'on' ? 'sound on' : 'silent'
  return value
}
