/**
 * The one list of keyboard shortcuts: the help overlay renders it, the README copies it and the native menu takes
 * its accelerators from it (src/main/desktop/app-menu.ts).
 */
export type Shortcut = { keys: string; label: string; when?: string }

export const shortcutTable: readonly Shortcut[] = [
  { keys: 'Ctrl/Cmd+Z', label: 'Undo' },
  { keys: 'Shift+Ctrl/Cmd+Z, Ctrl+Y', label: 'Redo' },
  { keys: 'Ctrl/Cmd+S', label: 'Save now' },
  { keys: 'Ctrl/Cmd+O', label: 'Open a project' },
  { keys: 'Ctrl/Cmd+,', label: 'Settings' },
  { keys: 'Ctrl/Cmd+Enter', label: 'Generate the selected clip, or the selected clips (asks first)' },
  { keys: 'Shift+click, Ctrl/Cmd+click', label: 'Select a range of clips / add or remove one clip', when: 'on the timeline' },
  { keys: 'Ctrl/Cmd+A', label: 'Select every clip', when: 'not while typing' },
  { keys: 'Esc', label: 'Back to the one clip the editor shows', when: 'with several clips selected' },
  { keys: 'Ctrl/Cmd+Shift+Q', label: 'Show / hide the Queue panel' },
  { keys: 'Delete, Backspace', label: 'Remove the selected shot, or the selected clip', when: 'not while typing' },
  { keys: '←, →', label: 'Select the previous / next clip', when: 'not while typing' },
  { keys: 'Alt+←, Alt+→', label: 'Move the selected clip left / right', when: 'not while typing' },
  { keys: 'Space', label: 'Pick up a focused clip or shot handle; move it with ← / →; Space again drops it' },
  { keys: '←, →', label: 'Move a shot boundary by one second', when: 'on a focused boundary' },
  { keys: '←, →', label: 'Nudge a sound by 0.1 s; Shift: 1 s', when: 'on a focused sound item' },
  { keys: 'Delete, Backspace', label: 'Remove the sound from its lane', when: 'on a focused sound item' },
  { keys: 'Ctrl/Cmd+wheel', label: 'Zoom the timeline', when: 'over the timeline' },
  { keys: 'Shift+wheel', label: 'Scroll the clips and the sound lanes sideways together', when: 'over the sound lanes' },
  { keys: '@', label: 'Insert an element reference', when: 'in a prompt' },
  { keys: 'G', label: 'Grab the frame on screen as an image', when: 'on the take player' },
  { keys: '1–5, 0', label: 'Rate the focused take; 0 clears the rating', when: 'in the take list' },
  { keys: 'C', label: 'Choose the focused take', when: 'in the take list' },
  { keys: ', / .', label: 'Step one frame back / forward', when: 'in the compare view' },
  { keys: 'Space', label: 'Play / pause all compared takes', when: 'in the compare view' },
  { keys: '?', label: 'Show this list', when: 'not while typing' },
  { keys: 'Esc', label: 'Close the dialog or menu' },
]
