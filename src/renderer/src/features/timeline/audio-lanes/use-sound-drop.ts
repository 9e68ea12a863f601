import { useState, type DragEvent } from 'react'
import { importDroppedSound, type Placement } from './audio-actions'

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')

/**
 * Makes an element take dropped sound files; `place` turns the pointer's x (from the element's left edge) into
 * where they go. The drop stops here, so the timeline around it does not also read the files as a screenplay.
 */
export function useSoundDrop(place: (xInElement: number) => Placement) {
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
      void importDroppedSound(Array.from(e.dataTransfer.files), place(e.clientX - e.currentTarget.getBoundingClientRect().left))
    },
  }
  return { over, handlers }
}
