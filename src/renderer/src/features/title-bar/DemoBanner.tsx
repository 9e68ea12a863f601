import { FlaskConical } from 'lucide-react'
import { useEffect, useState } from 'react'
import { invoke } from '../../ipc/client'

/** Says plainly when the app runs as `npm run demo`, so no one mistakes its test patterns for paid results. */
export function DemoBanner() {
  const [demo, setDemo] = useState(false)
  useEffect(() => {
    let live = true
    // Quietly: without an answer there is simply no banner.
    void invoke('app:info', {}).then((info) => live && setDemo(info.ok && info.value.demo === true))
    return () => {
      live = false
    }
  }, [])
  if (!demo) return null
  return (
    <p className="demo-banner" role="note">
      <FlaskConical size={14} strokeWidth={1.75} aria-hidden /> Demo — videos are test patterns, nothing is charged
    </p>
  )
}
