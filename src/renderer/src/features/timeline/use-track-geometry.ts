import { useMemo, useRef } from 'react'
import type { Clip } from '../../../../shared/domain/project'
import { usesShotDurations } from '../../../../shared/domain/shot-durations'
import { selectPosterTakeId } from '../../store/selectors'
import { useStore } from '../../store/store'
import type { Store } from '../../store/types'
import { useSameItems } from '../../store/use-same-items'
import { trackGeometry, type ClipShape, type TrackGeometry } from './track-geometry'

/** Per clip, in a row: id, duration, whether it shows a poster, its drawn shot lengths ("2,5,3", or "" when not drawn). */
const FIELDS = 4

type Field = string | number | boolean

const rowOf = (clip: Clip, s: Store): Field[] => [
  clip.id,
  clip.duration,
  selectPosterTakeId(clip.id)(s) !== null,
  usesShotDurations(clip) ? clip.shots.map((shot) => shot.duration).join(',') : '',
]

const layoutFieldsOf = (s: Store): Field[] => (s.doc?.clips ?? []).flatMap((clip) => rowOf(clip, s))

/**
 * The fields after an edit that kept the clip count and the takes: only the rows of clip objects that changed are
 * read again, and the previous array is kept while none of their fields did, so a keystroke reads one row instead of
 * every clip's.
 */
function patchedFields(before: readonly Clip[], clips: readonly Clip[], fields: readonly Field[], s: Store): readonly Field[] {
  let patched: Field[] | null = null
  for (let at = 0; at < clips.length; at++) {
    if (clips[at] === before[at]) continue
    rowOf(clips[at]!, s).forEach((field, i) => {
      if (field === fields[at * FIELDS + i]) return
      patched ??= fields.slice()
      patched[at * FIELDS + i] = field
    })
  }
  return patched ?? fields
}

function shapesOf(fields: readonly Field[]): ClipShape[] {
  const shapes: ClipShape[] = []
  for (let at = 0; at < fields.length; at += FIELDS) {
    const shots = fields[at + 3] as string
    shapes.push({ id: fields[at] as string, duration: fields[at + 1] as number, hasPoster: fields[at + 2] as boolean, shotSeconds: shots === '' ? [] : shots.split(',').map(Number) })
  }
  return shapes
}

/**
 * The track's geometry at this zoom. The store is read as a flat list of what the layout depends on, compared item
 * by item, so typing in a prompt (which changes clips but not their places) builds nothing new.
 */
export function useTrackGeometry(pxPerSecond: number): TrackGeometry {
  // The store changes for other reasons too: the fields are read again only when the clips or the takes change.
  const last = useRef<{ clips: readonly Clip[] | undefined; takes: Store['takes']; fields: readonly Field[] } | null>(null)
  const fields = useStore(
    useSameItems((s: Store) => {
      const known = last.current
      const clips = s.doc?.clips
      if (known !== null && known.clips === clips && known.takes === s.takes) return known.fields
      const sameShape = known?.clips !== undefined && clips !== undefined && known.takes === s.takes && known.clips.length === clips.length
      const read = sameShape ? patchedFields(known.clips!, clips, known.fields, s) : layoutFieldsOf(s)
      last.current = { clips: s.doc?.clips, takes: s.takes, fields: read }
      return read
    }),
  )
  return useMemo(() => trackGeometry(shapesOf(fields), pxPerSecond), [fields, pxPerSecond])
}
