import { useState, type DragEvent } from 'react'
import { useStore } from '../../../store/store'
import { isScriptFile, openScript, SCRIPT_EXTENSIONS } from './script-actions'

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')

/**
 * Makes the timeline take a dropped screenplay. Image slots inside it handle (and stop) their own drops first; what
 * reaches the timeline itself is read as a script, and anything else is refused with what it takes.
 */
export function useScriptDrop() {
  const [over, setOver] = useState(false)
  const handlers = {
    onDragOver: (e: DragEvent) => {
      // An image slot under the pointer has claimed the drag already: the files are images for it, not a script.
      if (!carriesFiles(e) || e.defaultPrevented) {
        if (over) setOver(false)
        return
      }
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
      if (!over) setOver(true)
    },
    onDragLeave: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
    },
    onDrop: (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      setOver(false)
      const file = Array.from(e.dataTransfer.files).find(isScriptFile)
      if (file) return void openScript(file)
      useStore.getState().pushToast({ tone: 'warning', message: 'The timeline takes a screenplay.', hint: `Drop a ${SCRIPT_EXTENSIONS.join(', ')} file here, or drop images on a clip's slots.` })
    },
  }
  return { over, handlers }
}
