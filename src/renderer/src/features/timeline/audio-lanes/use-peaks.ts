import { useEffect, useState } from 'react'
import type { AudioPeaks } from '../../../../../shared/audio/audio-peaks'
import { invoke } from '../../../ipc/client'

/** Peaks are immutable per file (its id is its content hash), so each is asked for once per window. */
const requests = new Map<string, Promise<AudioPeaks | null>>()

function peaksOf(audioId: string): Promise<AudioPeaks | null> {
  let request = requests.get(audioId)
  if (!request) {
    request = invoke('audio:peaks', { audioId }).then((result) => (result.ok ? result.value : null))
    requests.set(audioId, request)
  }
  return request
}

/** A sound file's waveform, once main has computed or read it; null until then (or when it cannot be read). */
export function usePeaks(audioId: string): AudioPeaks | null {
  const [peaks, setPeaks] = useState<AudioPeaks | null>(null)
  useEffect(() => {
    let live = true
    void peaksOf(audioId).then((value) => live && setPeaks(value))
    return () => {
      live = false
    }
  }, [audioId])
  return peaks
}
