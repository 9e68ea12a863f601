import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { AudioFile, AudioItem } from '../../../../../shared/domain/audio-schema'
import { placeItem } from '../../../../../shared/audio/mix-plan'
import { useStore } from '../../../store/store'
import { secondsOfX, snapToKnots, TRACK_PADDING_PX, xOfSeconds, type TrackGeometry } from '../track-geometry'
import { selectAudioItem, useLaneSelection } from './audio-lanes-store'
import { SNAP_PX } from './lane-geometry'
import { Waveform } from './Waveform'

type Props = { item: AudioItem; file: AudioFile | undefined; filmStart: number; geometry: TrackGeometry }
type Gesture = { kind: 'move' | 'trim-in' | 'trim-out'; x: number; moved: boolean }
type Preview = Pick<AudioItem, 'sourceInSeconds' | 'durationSeconds'> & { start: number }

const MIN_SECONDS = 0.1
const BLOCK_HEIGHT = 34

/**
 * One lane item: its waveform, name and fades, drawn on the clip track's time axis. Drag it to move it (snapping to
 * clip edges and shot boundaries), drag an edge to trim it, or focus it and nudge with ←/→ (Shift: a second); Delete
 * removes it. A drag moves pixels while it lasts and commits one edit when it ends.
 */
export function AudioItemBlock({ item, file, filmStart, geometry }: Props) {
  const selected = useLaneSelection((s) => s.itemId === item.id)
  const gesture = useRef<Gesture | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const shown: Preview = preview ?? { start: filmStart, sourceInSeconds: item.sourceInSeconds, durationSeconds: item.durationSeconds }
  const fileSeconds = file?.durationSeconds ?? item.sourceInSeconds + item.durationSeconds
  const startX = xOfSeconds(geometry, filmStart)
  const endX = xOfSeconds(geometry, filmStart + item.durationSeconds, 'end')

  const commit = (next: Preview): void => {
    const placed = placeItem(next.start, item.anchor !== null, geometry.clips)
    useStore.getState().edit({ type: 'updateAudioItem', itemId: item.id, patch: { ...placed, sourceInSeconds: next.sourceInSeconds, durationSeconds: next.durationSeconds } })
  }
  // The pointer moved `dx` pixels: the times under the moved edges, read back through the track's geometry.
  const previewAt = (kind: Gesture['kind'], dx: number): Preview => {
    const base = { start: filmStart, sourceInSeconds: item.sourceInSeconds, durationSeconds: item.durationSeconds }
    if (kind === 'move') return { ...base, start: Math.max(0, snapToKnots(geometry, secondsOfX(geometry, startX + dx), SNAP_PX)) }
    if (kind === 'trim-out') return { ...base, durationSeconds: clamp(secondsOfX(geometry, endX + dx) - filmStart, MIN_SECONDS, fileSeconds - item.sourceInSeconds) }
    const cut = clamp(secondsOfX(geometry, startX + dx) - filmStart, -Math.min(item.sourceInSeconds, filmStart), item.durationSeconds - MIN_SECONDS)
    return { start: filmStart + cut, sourceInSeconds: item.sourceInSeconds + cut, durationSeconds: item.durationSeconds - cut }
  }
  const down = (event: PointerEvent<HTMLElement>, kind: Gesture['kind']): void => {
    if (event.button !== 0) return
    event.stopPropagation()
    event.currentTarget.setPointerCapture(event.pointerId)
    gesture.current = { kind, x: event.clientX, moved: false }
    selectAudioItem(item.id)
  }
  const move = (event: PointerEvent<HTMLElement>): void => {
    const active = gesture.current
    if (!active) return
    if (Math.abs(event.clientX - active.x) >= 3) active.moved = true
    if (active.moved) setPreview(previewAt(active.kind, event.clientX - active.x))
  }
  const up = (event: PointerEvent<HTMLElement>): void => {
    const active = gesture.current
    gesture.current = null
    setPreview(null)
    if (active?.moved) commit(previewAt(active.kind, event.clientX - active.x))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      useStore.getState().edit({ type: 'removeAudioItem', itemId: item.id })
      selectAudioItem(null)
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const step = (event.shiftKey ? 1 : 0.1) * (event.key === 'ArrowLeft' ? -1 : 1)
      commit({ start: Math.max(0, filmStart + step), sourceInSeconds: item.sourceInSeconds, durationSeconds: item.durationSeconds })
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  const left = xOfSeconds(geometry, shown.start)
  const width = Math.max(4, xOfSeconds(geometry, shown.start + shown.durationSeconds, 'end') - left)
  const name = file?.originalName ?? 'Missing sound file'
  return (
    <div
      role="button"
      tabIndex={0}
      className={`audio-item${selected ? ' audio-item--selected' : ''}${file ? '' : ' audio-item--missing'}`}
      style={{ left: TRACK_PADDING_PX + left, width }}
      aria-label={`${name}, at ${shown.start.toFixed(1)} s for ${shown.durationSeconds.toFixed(1)} s`}
      aria-pressed={selected}
      data-testid="audio-item"
      onPointerDown={(event) => down(event, 'move')}
      onPointerMove={move}
      onPointerUp={up}
      onFocus={() => selectAudioItem(item.id)}
      onKeyDown={onKeyDown}
    >
      {file && <Waveform audioId={item.audioId} sourceAt={(x) => shown.sourceInSeconds + secondsOfX(geometry, left + x) - shown.start} width={width} height={BLOCK_HEIGHT} />}
      <FadeShape fadeIn={xOfSeconds(geometry, shown.start + item.fadeInSeconds) - left} fadeOut={left + width - xOfSeconds(geometry, shown.start + shown.durationSeconds - item.fadeOutSeconds)} width={width} />
      <span className="audio-item__name">{name}</span>
      {item.gainDb !== 0 && <span className="audio-item__gain tabular">{item.gainDb > 0 ? '+' : ''}{item.gainDb.toFixed(1)} dB</span>}
      <span className="audio-item__edge audio-item__edge--in" title="Drag to trim the start" onPointerDown={(event) => down(event, 'trim-in')} onPointerMove={move} onPointerUp={up} />
      <span className="audio-item__edge audio-item__edge--out" title="Drag to trim the end" onPointerDown={(event) => down(event, 'trim-out')} onPointerMove={move} onPointerUp={up} />
    </div>
  )
}

/** The gain envelope over the waveform: its fades (their lengths in pixels) as ramps, with what they take away shaded. */
function FadeShape({ width, ...fades }: { fadeIn: number; fadeOut: number; width: number }) {
  const fadeIn = clamp(fades.fadeIn, 0, width)
  const fadeOut = clamp(fades.fadeOut, 0, width)
  if (fadeIn === 0 && fadeOut === 0) return null
  const top = 1
  const bottom = BLOCK_HEIGHT - 1
  return (
    <svg className="audio-item__fades" width={width} height={BLOCK_HEIGHT} aria-hidden="true">
      {fadeIn > 0 && <polygon points={`0,${top} ${fadeIn},${top} 0,${bottom}`} />}
      {fadeOut > 0 && <polygon points={`${width - fadeOut},${top} ${width},${top} ${width},${bottom}`} />}
      <polyline points={`0,${fadeIn > 0 ? bottom : top} ${fadeIn},${top} ${width - fadeOut},${top} ${width},${fadeOut > 0 ? bottom : top}`} />
    </svg>
  )
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max))
