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

const layoutFieldsOf = (s: Store): (string | number | boolean)[] =>
  (s.doc?.clips ?? []).flatMap((clip) => [
    clip.id,
    clip.duration,
    selectPosterTakeId(clip.id)(s) !== null,
    usesShotDurations(clip) ? clip.shots.map((shot) => shot.duration).join(',') : '',
  ])

function shapesOf(fields: readonly (string | number | boolean)[]): ClipShape[] {
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
  const last = useRef<{ clips: readonly Clip[] | undefined; takes: Store['takes']; fields: readonly (string | number | boolean)[] } | null>(null)
  const fields = useStore(
    useSameItems((s: Store) => {
      const known = last.current
      if (known !== null && known.clips === s.doc?.clips && known.takes === s.takes) return known.fields
      const read = layoutFieldsOf(s)
      last.current = { clips: s.doc?.clips, takes: s.takes, fields: read }
      return read
    }),
  )
  return useMemo(() => trackGeometry(shapesOf(fields), pxPerSecond), [fields, pxPerSecond])
}
