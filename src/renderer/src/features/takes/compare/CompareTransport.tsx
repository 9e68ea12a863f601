import { Pause, Play, Repeat, StepBack, StepForward } from 'lucide-react'
import type { useSyncedPlayback } from './use-synced-playback'
import { FRAME_SECONDS, frameAt } from './follower-sync'

type Props = { playback: ReturnType<typeof useSyncedPlayback> }

/** One play/pause, one scrubber and frame steps for every take on screen. */
export function CompareTransport({ playback }: Props) {
  const { playing, time, duration, loop, setLoop, play, pause, seek, step } = playback
  const frame = frameAt(time)
  return (
    <div className="compare-transport" role="toolbar" aria-label="Playback of all compared takes">
      <button type="button" className="btn btn--icon" aria-label="Previous frame (,)" title="Previous frame (,)" onClick={() => step(-1)}>
        <StepBack size={16} strokeWidth={1.75} aria-hidden />
      </button>
      <button type="button" className="btn btn--primary btn--icon" aria-label={playing ? 'Pause all' : 'Play all'} title="Play / pause (Space)" onClick={playing ? pause : play}>
        {playing ? <Pause size={16} strokeWidth={1.75} aria-hidden /> : <Play size={16} strokeWidth={1.75} aria-hidden />}
      </button>
      <button type="button" className="btn btn--icon" aria-label="Next frame (.)" title="Next frame (.)" onClick={() => step(1)}>
        <StepForward size={16} strokeWidth={1.75} aria-hidden />
      </button>
      <input
        className="compare-transport__scrubber"
        type="range"
        aria-label="Position in all takes"
        min={0}
        max={duration || 0}
        step={FRAME_SECONDS}
        value={Math.min(time, duration || 0)}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span className="compare-transport__time tabular">
        {time.toFixed(2)} / {duration.toFixed(2)} s · frame {frame}
      </span>
      <button type="button" className="btn btn--small" aria-pressed={loop} onClick={() => setLoop(!loop)} title="Loop">
        <Repeat size={12} strokeWidth={2} aria-hidden /> Loop
      </button>
    </div>
  )
}
