import { Check } from 'lucide-react'
import { estimateClipCost, formatUsd } from '../../../../../shared/domain/cost'
import type { Take } from '../../../../../shared/domain/project'
import { takeStateOf } from '../../../../../shared/domain/take-state'
import type { RequestChange } from '../../../../../shared/takes/request-diff'
import { selectPrices } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { useQueueCondition } from '../../queue/use-queue-condition'
import { takeVideoUrl } from '../list/take-video-url'
import { TakeStatusPill } from '../list/TakeStatusPill'
import { chooseTake } from '../list/take-actions'
import { editLineageWords } from '../../../../../shared/takes/lineage-words'
import { RequestChangeList } from './RequestChangeList'

type Props = {
  take: Take
  number: number
  /** The reference take's number, or null when this tile is the reference (or the only take). */
  against: number | null
  changes: RequestChange[]
  chosen: boolean
  muted: boolean
  videoRef: (video: HTMLVideoElement | null) => void
}

/** One take in the compare view: its video, what it cost, and how its request differs from the other take's. */
export function CompareTile({ take, number, against, changes, chosen, muted, videoRef }: Props) {
  const prices = useStore(selectPrices)
  const condition = useQueueCondition()
  const lineage = useStore((s) => (take.edit ? editLineageWords(take, s.takes) : null))
  const request = take.request
  const cost = prices
    ? estimateClipCost({ mode: request['mode'] === 'std' ? 'std' : 'pro', sound: request['sound'] === 'on' ? 'on' : 'off', duration: Number(request['duration']) || 0 }, prices)
    : null
  return (
    <article className={chosen ? 'compare-tile compare-tile--chosen' : 'compare-tile'} aria-label={`Compared take ${number}`}>
      <header className="compare-tile__head">
        <span className="compare-tile__name">Take {number}</span>
        <TakeStatusPill state={takeStateOf(take, condition)} />
        {cost !== null && <span className="compare-tile__cost tabular" title="Estimated cost of this take">{formatUsd(cost)}</span>}
        {chosen ? (
          <span className="pill pill--success"><Check size={10} strokeWidth={2.5} aria-hidden /> Chosen</span>
        ) : (
          <button type="button" className="btn btn--small btn--primary" onClick={() => chooseTake(take.clipId, take.id)}>
            Choose take {number}
          </button>
        )}
      </header>
      <video ref={videoRef} className="compare-tile__video" src={takeVideoUrl(take.id)} muted={muted} playsInline preload="auto" aria-label={`Take ${number} video (compare)`} />
      <section className="compare-tile__diff" aria-label={`Take ${number} request changes`}>
        <h3 className="caps-label">{against === null ? 'Reference take' : `Compared with take ${against} (reference)`}</h3>
        {lineage && <p className="compare-tile__lineage">{lineage}</p>}
        {against === null && <p className="compare-tile__same">The other takes are compared with this one.</p>}
        {against !== null && changes.length === 0 && <p className="compare-tile__same">Same request as take {against} — a different roll of the dice.</p>}
        <RequestChangeList changes={changes} subject={`Take ${number}`} />
      </section>
    </article>
  )
}
