import type { AudioFile, AudioLane } from '../../../../../shared/domain/audio-schema'
import { itemFilmStart } from '../../../../../shared/audio/mix-plan'
import { useStore } from '../../../store/store'
import type { TrackGeometry } from '../track-geometry'
import { AudioItemBlock } from './AudioItemBlock'
import { useSoundDrop } from './use-sound-drop'

type Props = { lane: AudioLane; files: ReadonlyMap<string, AudioFile>; geometry: TrackGeometry; timeAt: (xInRow: number) => number }

/** One lane: its name with mute and solo, and its items along film time; dropping sound on it places it there. */
export function LaneRow({ lane, files, geometry, timeAt }: Props) {
  const drop = useSoundDrop((x) => ({ laneId: lane.id, atSeconds: timeAt(x) }))
  const toggle = (field: 'muted' | 'solo'): void => useStore.getState().edit({ type: 'updateAudioLane', laneId: lane.id, patch: { [field]: !lane[field] } })
  return (
    <div className={`audio-lane${drop.over ? ' audio-lane--over' : ''}${lane.muted ? ' audio-lane--muted' : ''}`} data-testid="audio-lane" {...drop.handlers}>
      <div className="audio-lane__label">
        <span className="audio-lane__name" title={lane.name}>{lane.name}</span>
        <button type="button" className="audio-lane__toggle" aria-pressed={lane.muted} aria-label={`Mute ${lane.name}`} title="Mute this lane" onClick={() => toggle('muted')}>
          M
        </button>
        <button type="button" className="audio-lane__toggle audio-lane__toggle--solo" aria-pressed={lane.solo} aria-label={`Solo ${lane.name}`} title="Hear only soloed lanes" onClick={() => toggle('solo')}>
          S
        </button>
      </div>
      <div className="audio-lane__items">
        {lane.items.map((item) => (
          <AudioItemBlock key={item.id} item={item} file={files.get(item.audioId)} filmStart={itemFilmStart(item, geometry.clips)} geometry={geometry} />
        ))}
      </div>
    </div>
  )
}
