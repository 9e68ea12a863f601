import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'

export function SettingsDialog() {
  const close = useStore((s) => s.closeDialog)
  return <Dialog title="Settings" onClose={close}>…</Dialog>
}
