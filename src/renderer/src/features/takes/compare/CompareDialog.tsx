import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Take } from '../../../../../shared/domain/project'
import { takeNumberOf } from '../../../../../shared/domain/take-numbers'
import { diffRequests } from '../../../../../shared/takes/request-diff'
import { selectChosenTakeId } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { useCompareStore } from './compare-store'
import { CompareTile } from './CompareTile'
import { CompareTransport } from './CompareTransport'
import { useSyncedPlayback } from './use-synced-playback'
import './compare.css'

/** Mounted once; shows the picked takes side by side when the compare view is open. */
export function CompareHost() {
  const open = useCompareStore((s) => s.open)
  return open ? <CompareDialog /> : null
}

function CompareDialog() {
  const { clipId, takeIds, close } = useCompareStore(useShallow((s) => ({ clipId: s.clipId, takeIds: s.takeIds, close: s.close })))
  const allTakes = useStore((s) => s.takes)
  const chosen = useStore(selectChosenTakeId(clipId ?? ''))
  const takes = useMemo(() => takeIds.map((id) => allTakes.find((take) => take.id === id)).filter((take) => take !== undefined), [takeIds, allTakes])
  const playback = useSyncedPlayback(takes.length)
  const number = (takeId: string) => takeNumberOf(allTakes, takeId) ?? 0
  // The oldest take is the reference every other is compared with, so each diff reads forwards: "Take 3 adds …".
  const reference = takes.reduce<Take | null>((oldest, take) => (oldest === null || number(take.id) < number(oldest.id) ? take : oldest), null)

  return (
    <Dialog title={`Compare ${takes.length} takes`} onClose={close} width={takes.length > 2 ? 1180 : 1100}>
      <div
        className="compare"
        onKeyDown={(e) => {
          // Keys pressed in the compare view belong to it: arrows scrub here, they do not select clips behind it.
          if (e.key !== 'Escape' && !e.ctrlKey && !e.metaKey) e.stopPropagation()
          if (e.target instanceof HTMLInputElement && e.target.type !== 'range') return
          if (e.key === ',' || e.key === '.') {
            e.preventDefault()
            playback.step(e.key === ',' ? -1 : 1)
          } else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
            e.preventDefault()
            if (playback.playing) playback.pause()
            else playback.play()
          }
        }}
      >
        <div className={takes.length > 2 ? 'compare__grid compare__grid--four' : 'compare__grid'}>
          {takes.map((take, i) => {
            const against = reference && reference !== take ? reference : null
            return (
              <CompareTile
                key={take.id}
                take={take}
                number={number(take.id)}
                against={against ? number(against.id) : null}
                changes={against ? diffRequests(against.request, take.request) : []}
                chosen={chosen === take.id}
                muted={i !== 0}
                videoRef={playback.register(i)}
              />
            )
          })}
        </div>
        <CompareTransport playback={playback} />
        <p className="compare__hint">Sound plays from the first take. Keys: Space play/pause, , and . step one frame.</p>
      </div>
    </Dialog>
  )
}
