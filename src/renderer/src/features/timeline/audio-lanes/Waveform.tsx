import { useEffect, useRef } from 'react'
import { usePeaks } from './use-peaks'

/** `sourceAt(x)`: the second of the file heard at x pixels into the item (the track's time axis is not linear). */
type Props = { audioId: string; sourceAt: (x: number) => number; width: number; height: number }

/** The part of a file's waveform an item plays, drawn from main's peaks as mirrored bars, one per pixel column. */
export function Waveform({ audioId, sourceAt, width, height }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const peaks = usePeaks(audioId)
  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context || !peaks || width < 1) return
    const scale = window.devicePixelRatio || 1
    context.setTransform(scale, 0, 0, scale, 0, 0)
    context.clearRect(0, 0, width, height)
    context.fillStyle = getComputedStyle(canvas.current!).color
    const middle = height / 2
    for (let x = 0; x < width; x++) {
      const from = Math.floor(sourceAt(x) * peaks.peaksPerSecond)
      const to = Math.max(from + 1, Math.floor(sourceAt(x + 1) * peaks.peaksPerSecond))
      let peak = 0
      for (let at = from; at < to && at < peaks.peaks.length; at++) peak = Math.max(peak, peaks.peaks[at]!)
      const half = Math.max(0.5, (peak / 255) * middle)
      context.fillRect(x, middle - half, 1, half * 2)
    }
  }, [peaks, sourceAt, width, height])
  const scale = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1
  return <canvas ref={canvas} className="audio-item__wave" width={Math.round(width * scale)} height={Math.round(height * scale)} style={{ width, height }} aria-hidden="true" />
}
