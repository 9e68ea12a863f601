import { useState, type DragEvent } from 'react'
import { importDroppedSound, type Placement } from './audio-actions'
import { LANE_LABEL_PX } from './lane-geometry'

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')

/**
 * Makes a lane row take dropped sound files at the film time under the pointer. The drop stops here, so the
 * timeline around it does not also read the files as a screenplay.
 */
export function useSoundDrop(place: (atSeconds: number) => Placement, pxPerSecond: number) {
  const [over, setOver] = useState(false)
  const handlers = {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      e.dataTransfer.dropEffect = 'copy'
      if (!over) setOver(true)
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      setOver(false)
      const row = e.currentTarget.getBoundingClientRect()
      const x = e.clientX - row.left - LANE_LABEL_PX
      void importDroppedSound(Array.from(e.dataTransfer.files), place(Math.max(0, x / pxPerSecond)))
    },
  }
  return { over, handlers }
}
