import type { MouseEvent, PointerEvent } from 'react'
import { selectSelectionCount } from '../../../store/selectors'
import { useStore } from '../../../store/store'

type ModifierEvent = Pick<MouseEvent, 'shiftKey' | 'ctrlKey' | 'metaKey'>

const hasSelectModifier = (e: ModifierEvent): boolean => e.shiftKey || e.ctrlKey || e.metaKey

/**
 * How a press on a clip card selects: a plain press selects that clip alone (a press on the one selected clip
 * changes nothing, so its selected shot stays); Shift/Ctrl/Cmd+click extends the selection. Those are caught on
 * the way down, so the slot or shot under the pointer neither takes the focus (which would select that clip
 * alone) nor acts on the click.
 */
export function clickSelectHandlers(clipId: string, primary: boolean) {
  return {
    onPointerDown: (e: PointerEvent) => {
      if (hasSelectModifier(e)) return
      if (!primary || selectSelectionCount(useStore.getState()) > 1) useStore.getState().selectClip(clipId)
    },
    onMouseDownCapture: (e: MouseEvent) => {
      if (hasSelectModifier(e)) e.preventDefault()
    },
    onClickCapture: (e: MouseEvent) => {
      if (!hasSelectModifier(e)) return
      e.preventDefault()
      e.stopPropagation()
      const toggle = e.ctrlKey || e.metaKey
      useStore.getState().extendSelection(clipId, e.shiftKey ? (toggle ? 'range-add' : 'range') : 'toggle')
    },
  }
}
