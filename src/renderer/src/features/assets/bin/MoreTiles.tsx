import { useEffect } from 'react'
import { useNearViewport } from '../../../ui/use-near-viewport'

/**
 * Stands after the tiles mounted so far and asks for the next batch once scrolled (or tabbed) near: opening a
 * project with a large bin mounts the tiles on screen, not one per image.
 */
export function MoreTiles({ left, onNear }: { left: number; onNear: () => void }) {
  const [observe, near] = useNearViewport()
  useEffect(() => {
    if (near) onNear()
  }, [near, onNear])
  return (
    <li ref={observe} className="asset-bin__more caps-label" aria-label={`${left} more images`}>
      {left} more…
    </li>
  )
}
