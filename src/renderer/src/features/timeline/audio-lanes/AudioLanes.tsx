import { Music } from 'lucide-react'
import { useMemo, useRef, type RefObject } from 'react'
import { defaultMix } from '../../../../../shared/domain/audio-schema'
import { newId } from '../../../../../shared/domain/ids'
import { useStore } from '../../../store/store'
import { secondsOfX, TRACK_PADDING_PX, type TrackGeometry } from '../track-geometry'
import { importChosenSound } from './audio-actions'
import { LANE_LABEL_PX } from './lane-geometry'
import { LanePlayhead } from './LanePlayhead'
import { LaneRow } from './LaneRow'
import { SoundBar } from './SoundBar'
import { useFollowTrackScroll } from './use-follow-track-scroll'
import { useSoundDrop } from './use-sound-drop'
import './audio-lanes.css'

const MAX_LANES = 16
/** Room after the last card or item, so there is somewhere to drop sound past the film's end. */
const TAIL_PX = 160

type Props = { geometry: TrackGeometry; track: RefObject<HTMLElement | null>; endX: number }

/**
 * Music and voice-over lanes under the clip track, on the track's own time axis (track-geometry.ts) and scrolled
 * with it, with a tick at every clip start; the film player's playhead runs across them. An empty row at the bottom
 * takes a drop as a new lane. Until there is a lane, only the Sound bar shows, and it takes the drop.
 */
export function AudioLanes({ geometry, track, endX }: Props) {
  const mix = useStore((s) => s.doc?.mix) ?? defaultMix
  const audioFiles = useStore((s) => s.audioFiles)
  const files = useMemo(() => new Map(audioFiles.map((file) => [file.id, file])), [audioFiles])
  const scroller = useRef<HTMLDivElement>(null)
  const hasLanes = mix.lanes.length > 0
  useFollowTrackScroll(track, scroller, hasLanes)
  const newLane = (): { laneId: string; laneName: string } => ({ laneId: newId(), laneName: mix.lanes.length === 0 ? 'Music' : `Lane ${mix.lanes.length + 1}` })
  // In a lane row x starts at the label column; the track's own padding comes before its first card.
  const timeAt = (xInRow: number): number => secondsOfX(geometry, xInRow - LANE_LABEL_PX - TRACK_PADDING_PX)
  const newLaneDrop = useSoundDrop((x) => ({ ...newLane(), atSeconds: timeAt(x) }))
  const firstLaneDrop = useSoundDrop(() => ({ ...newLane(), atSeconds: 0 }))
  const onImport = (): void => void importChosenSound({ ...newLane(), ...(mix.lanes[0] ? { laneId: mix.lanes[0].id } : {}), atSeconds: 0 })
  if (!hasLanes) {
    return (
      <div className={`audio-lanes${firstLaneDrop.over ? ' audio-lanes--over' : ''}`} aria-label="Sound lanes" data-testid="sound-drop" {...firstLaneDrop.handlers}>
        <SoundBar onImport={onImport} empty />
      </div>
    )
  }
  return (
    <div className="audio-lanes" aria-label="Sound lanes">
      <SoundBar onImport={onImport} empty={false} />
      <div ref={scroller} className="audio-lanes__scroll">
        <div className="audio-lanes__content" style={{ width: LANE_LABEL_PX + TRACK_PADDING_PX + endX + TAIL_PX }}>
          <div className="audio-lanes__ruler" aria-hidden="true">
            {geometry.clips.map((clip, index) => (
              <span key={clip.clipId} className="audio-lanes__tick" style={{ left: LANE_LABEL_PX + TRACK_PADDING_PX + clip.left }}>
                {index + 1}
              </span>
            ))}
          </div>
          {mix.lanes.map((lane) => (
            <LaneRow key={lane.id} lane={lane} files={files} geometry={geometry} timeAt={timeAt} />
          ))}
          {mix.lanes.length < MAX_LANES && (
            <div className={`audio-lane audio-lane--new${newLaneDrop.over ? ' audio-lane--over' : ''}`} data-testid="audio-lane-new" {...newLaneDrop.handlers}>
              <div className="audio-lane__label">
                <Music size={14} strokeWidth={1.75} aria-hidden />
              </div>
              <span className="audio-lane__hint">Drop music or voice-over here (WAV, MP3, AAC, FLAC, OGG) for a new lane</span>
            </div>
          )}
          <LanePlayhead geometry={geometry} />
        </div>
      </div>
    </div>
  )
}
