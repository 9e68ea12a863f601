import { Music } from 'lucide-react'
import { useMemo } from 'react'
import { defaultMix } from '../../../../shared/audio/audio-schema'
import { itemFilmStart } from '../../../../shared/audio/mix-plan'
import { newId } from '../../../../shared/domain/ids'
import { useStore } from '../../store/store'
import { useFilmStore } from '../film/film-store'
import { importChosenSound } from './audio-actions'
import { clipTiming, clipTimingKey, LANE_LABEL_PX } from './lane-geometry'
import { LaneRow } from './LaneRow'
import { SoundBar } from './SoundBar'
import { useSoundDrop } from './use-sound-drop'
import './audio-lanes.css'

const MAX_LANES = 16

/**
 * Music and voice-over lanes under the clip track, along film time at the timeline's zoom, with a tick at every
 * clip start; the film player's playhead runs across them. An empty row at the bottom takes a drop as a new lane.
 */
export function AudioLanes({ pxPerSecond }: { pxPerSecond: number }) {
  const timing = useStore((s) => clipTimingKey(s.doc?.clips))
  const mix = useStore((s) => s.doc?.mix) ?? defaultMix
  const audioFiles = useStore((s) => s.audioFiles)
  const files = useMemo(() => new Map(audioFiles.map((file) => [file.id, file])), [audioFiles])
  // Read when the timing changes, not on every edit of a clip's words.
  const { spans, marks } = useMemo(() => clipTiming(timing), [timing])
  const newLane = (): { laneId: string; laneName: string } => ({ laneId: newId(), laneName: mix.lanes.length === 0 ? 'Music' : `Lane ${mix.lanes.length + 1}` })
  const drop = useSoundDrop((atSeconds) => ({ ...newLane(), atSeconds }), pxPerSecond)
  const filmSeconds = spans.reduce((sum, span) => sum + span.durationSeconds, 0)
  const lastEnd = Math.max(0, ...mix.lanes.flatMap((lane) => lane.items.map((item) => itemFilmStart(item, spans) + item.durationSeconds)))
  const width = LANE_LABEL_PX + Math.max(filmSeconds, lastEnd) * pxPerSecond + 160
  return (
    <div className="audio-lanes" aria-label="Sound lanes">
      <SoundBar onImport={() => void importChosenSound({ ...newLane(), ...(mix.lanes[0] ? { laneId: mix.lanes[0].id } : {}), atSeconds: 0 })} />
      <div className="audio-lanes__scroll">
        <div className="audio-lanes__content" style={{ width }}>
          <div className="audio-lanes__ruler" aria-hidden="true">
            {spans.map((span, index) => (
              <span key={span.clipId} className="audio-lanes__tick" style={{ left: LANE_LABEL_PX + span.startSeconds * pxPerSecond }}>
                {index + 1}
              </span>
            ))}
          </div>
          {mix.lanes.map((lane) => (
            <LaneRow key={lane.id} lane={lane} files={files} pxPerSecond={pxPerSecond} spans={spans} marks={marks} />
          ))}
          {mix.lanes.length < MAX_LANES && (
            <div className={`audio-lane audio-lane--new${drop.over ? ' audio-lane--over' : ''}`} data-testid="audio-lane-new" {...drop.handlers}>
              <div className="audio-lane__label">
                <Music size={14} strokeWidth={1.75} aria-hidden />
              </div>
              <span className="audio-lane__hint">Drop music or voice-over here (WAV, MP3, AAC, FLAC, OGG) for a new lane</span>
            </div>
          )}
          <LanePlayhead pxPerSecond={pxPerSecond} />
        </div>
      </div>
    </div>
  )
}

/** Where Play film is, on the lanes' time axis. */
function LanePlayhead({ pxPerSecond }: { pxPerSecond: number }) {
  const time = useFilmStore((s) => (s.open ? s.time : null))
  return time === null ? null : <div className="audio-lanes__playhead" style={{ left: LANE_LABEL_PX + time * pxPerSecond }} aria-hidden="true" />
}
