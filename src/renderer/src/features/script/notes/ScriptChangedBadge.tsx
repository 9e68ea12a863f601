import { useStore } from '../../../store/store'
import { selectClipById } from '../../../store/selectors'
import './script-notes.css'

/** "Script changed" on a timeline card whose words a newer draft changed (or dropped) while the user had edited it. */
export function ScriptChangedBadge({ clipId }: { clipId: string }) {
  const gone = useStore((s) => {
    const changed = selectClipById(clipId)(s)?.script?.changed
    return changed ? changed.gone : null
  })
  if (gone === null) return null
  return (
    <span className="script-badge" title={gone ? 'The newer draft no longer has this clip’s words.' : 'A newer draft changed this clip’s words; the clip keeps your edits. See the clip editor.'}>
      {gone ? 'Not in script' : 'Script changed'}
    </span>
  )
}
