import { ChevronDown, ChevronUp, Clapperboard } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { selectSelectedClip, selectTakesOfClip } from '../../../store/selectors'
import { useStore } from '../../../store/store'
import { TakePlayer } from './TakePlayer'
import { TakeRow } from './TakeRow'
import './takes.css'
import { TakeFrameTools } from '../chain/TakeFrameTools'
import { CompareButton } from '../compare/CompareControls'
import { CompareHost } from '../compare/CompareDialog'
import { EditTakeHost } from '../edit/EditTakeDialog'
import { handleTakeListKey } from '../judging/judge-actions'
import { keepsTake, useTakeFilter } from '../judging/use-take-filter'
import { TakeFilterBar } from '../judging/TakeFilterBar'

/** Docked under the clip editor so a running take stays in view while the prompt above is edited. */
export function TakeViewer() {
  const clip = useStore(selectSelectedClip)
  const takes = useStore(useShallow(selectTakesOfClip(clip?.id ?? null)))
  // A pick holds only while the chosen take stays the one it was made under: "Use this take" shows that take.
  const [picked, setPicked] = useState<{ takeId: string; chosenWhen: string | null; playRequest: number } | null>(null)
  const [collapsed, setCollapsed] = useState(false)
  const { filter, setFilter } = useTakeFilter()
  if (!clip) return null
  const completed = takes.filter((t) => t.status === 'completed')
  // What plays: the take the user pressed Play on, else the chosen one, else the newest finished.
  const pickedId = picked && picked.chosenWhen === clip.chosenTakeId ? picked.takeId : null
  const playing = completed.find((t) => t.id === pickedId) ?? completed.find((t) => t.id === clip.chosenTakeId) ?? completed[0] ?? null
  const numberOf = (index: number) => takes.length - index

  return (
    <section className={takes.length === 0 ? 'take-viewer take-viewer--empty' : 'take-viewer'} aria-label="Takes">
      <CompareHost />
      <EditTakeHost />
      <div className="panel-heading">
        <span className="caps-label">
          Takes <span className="tabular take-viewer__count">{takes.length}</span>
        </span>
        {takes.length === 0 && (
          <span className="take-viewer__hint">
            <Clapperboard size={14} strokeWidth={1.75} aria-hidden /> Generate to make the first take; you can keep editing while it runs.
          </span>
        )}
        {takes.length > 0 && <TakeFilterBar filter={filter} onChange={setFilter} hidden={takes.filter((take) => !keepsTake(filter, clip, take)).length} />}
        {takes.length > 0 && <CompareButton clipId={clip.id} />}
        {takes.length > 0 && (
          <button
            type="button"
            className="btn btn--ghost btn--icon btn--small"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Show takes' : 'Hide takes'}
            onClick={() => setCollapsed((c) => !c)}
          >
            {collapsed ? <ChevronUp size={14} strokeWidth={1.75} aria-hidden /> : <ChevronDown size={14} strokeWidth={1.75} aria-hidden />}
          </button>
        )}
      </div>
      {takes.length > 0 && !collapsed && (
        <div className="take-viewer__body">
          <TakeFrameTools take={playing} number={playing ? numberOf(takes.indexOf(playing)) : null}>
            <TakePlayer takeId={playing?.id ?? null} playRequest={picked?.playRequest} label={playing ? `Take ${numberOf(takes.indexOf(playing))} video` : 'No video'} />
          </TakeFrameTools>
          <ol className="take-viewer__list" aria-label="Take list" onKeyDown={handleTakeListKey}>
            {takes.map((take, i) => keepsTake(filter, clip, take) && (
              <TakeRow
                key={take.id}
                take={take}
                number={numberOf(i)}
                chosen={clip.chosenTakeId === take.id}
                playing={playing?.id === take.id}
                onPlay={() => setPicked((p) => ({ takeId: take.id, chosenWhen: clip.chosenTakeId, playRequest: (p?.playRequest ?? 0) + 1 }))}
              />
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
