import { useEffect, useState } from 'react'
import { invoke } from '../../ipc/client'
import { mediaUrl } from '../../ipc/media-url'

/**
 * A Blob URL of a recent project's thumbnail, or null while it loads, when the project has none, or when it
 * cannot be read. A missing picture is no news to the user, so failures fall back quietly rather than toast.
 * The URL is revoked when the tile goes away.
 */
export function useRecentThumbnailUrl(path: string, hasThumbnail: boolean): string | null {
  const [thumbnail, setThumbnail] = useState<{ path: string; url: string } | null>(null)
  useEffect(() => {
    if (!hasThumbnail) return
    let live = true
    let url: string | null = null
    void invoke('media:recentThumbnail', { path }).then((result) => {
      if (!live || !result.ok || !result.value) return
      url = mediaUrl(result.value)
      setThumbnail({ path, url })
    })
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [path, hasThumbnail])
  return hasThumbnail && thumbnail?.path === path ? thumbnail.url : null
}
