import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectSelectedClip, selectTakesOfClip } from '../../store/selectors'
import { useStore } from '../../store/store'
import { TakePlayer } from './TakePlayer'
import { TakeRow } from './TakeRow'
import './takes.css'

export function TakeViewer() {
  const clip = useStore(selectSelectedClip)
  const takes = useStore(useShallow(selectTakesOfClip(clip?.id ?? null)))
  const [picked, setPicked] = useState<string | null>(null)
  if (!clip) return null
  const completed = takes.filter((t) => t.status === 'completed')
  // What plays: the take the user pressed Play on, else the chosen one, else the newest finished.
  const playing = completed.find((t) => t.id === picked) ?? completed.find((t) => t.id === clip.chosenTakeId) ?? completed[0] ?? null
  const numberOf = (index: number) => takes.length - index

  return (
    <section className="take-viewer" aria-label="Takes">
      <div className="panel-heading">
        <span className="caps-label">
          Takes <span className="tabular take-viewer__count">{takes.length}</span>
        </span>
      </div>
      <div className="take-viewer__body">
        <TakePlayer takeId={playing?.id ?? null} label={playing ? `Take ${numberOf(takes.indexOf(playing))} video` : 'No video'} />
        {takes.length === 0 ? (
          <p className="take-viewer__empty empty-note">No takes yet. Generate to make the first one; you can keep editing while it runs.</p>
        ) : (
          <ol className="take-viewer__list">
            {takes.map((take, i) => (
              <TakeRow
                key={take.id}
                take={take}
                number={numberOf(i)}
                chosen={clip.chosenTakeId === take.id}
                playing={playing?.id === take.id}
                onPlay={() => setPicked(take.id)}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
