import { useState } from 'react'
import type { RecentProject } from '../../../../shared/ipc/contract'
import { recentThumbnailUrl } from './recent-thumbnail'

/**
 * A recent project's first image, over a stable colour tile of its own with its initial: the tile shows while
 * the image loads and stays when there is none, at the same size, so the list never shifts.
 */
export function ProjectTile({ project }: { project: RecentProject }) {
  const { name, path } = project
  const url = recentThumbnailUrl(project.thumbnailAssetId)
  const [brokenUrl, setBrokenUrl] = useState<string | null>(null)
  let hash = 0
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const hue = hash % 360
  const initial = name.trim().charAt(0).toUpperCase() || '·'
  return (
    <span
      className="recent-item__thumb"
      aria-hidden="true"
      style={{ background: `linear-gradient(135deg, hsl(${hue} 42% 38%), hsl(${(hue + 40) % 360} 45% 18%))` }}
    >
      {initial}
      {url && url !== brokenUrl && <img src={url} alt="" draggable={false} onError={() => setBrokenUrl(url)} />}
    </span>
  )
}
