import { WifiOff } from 'lucide-react'
import { selectOnline } from '../../store/selectors'
import { useStore } from '../../store/store'

export function NetworkBadge() {
  const online = useStore(selectOnline)
  if (online) return null
  return (
    <span className="pill pill--warning" role="status" title="Drafting works offline; generating needs a connection.">
      <WifiOff size={12} strokeWidth={2} aria-hidden /> Offline
    </span>
  )
}
