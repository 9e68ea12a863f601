import { Fragment } from 'react'
import { useStore } from '../../../store/store'
import { Dialog } from '../../../ui/Dialog'
import { shortcutTable } from '../../../../../shared/shortcut-table'
import './shortcuts.css'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

function keyCaps(keys: string) {
  return keys.split(', ').map((combo, i) => (
    <Fragment key={combo}>
      {i > 0 && <span className="shortcut__or">or</span>}
      {combo.split(/\+(?!$)/).map((key) => (
        <kbd key={key} className="kbd">{key === 'Ctrl/Cmd' ? (isMac ? '⌘' : 'Ctrl') : key}</kbd>
      ))}
    </Fragment>
  ))
}

export function HelpOverlay() {
  const close = useStore((s) => s.closeDialog)
  return (
    <Dialog title="Keyboard shortcuts" onClose={close} width={560} bodyLabel="Shortcut list">
      <dl className="shortcut-list">
        {shortcutTable.map((shortcut) => (
          <div key={shortcut.label} className="shortcut">
            <dt className="shortcut__label">
              {shortcut.label}
              {shortcut.when && <span className="shortcut__when"> · {shortcut.when}</span>}
            </dt>
            <dd className="shortcut__keys">{keyCaps(shortcut.keys)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
