import { useState } from 'react'
import { useThumbnailUrl } from './thumbnail-url'

/** A thumbnail that holds its box while loading, so nothing shifts when the image arrives. */
export function AssetThumb({ assetId, alt = '' }: { assetId: string; alt?: string }) {
  const url = useThumbnailUrl(assetId)
  // A thumbnail missing from a hand-copied folder leaves the empty box rather than a broken-image icon.
  const [brokenUrl, setBrokenUrl] = useState<string | null>(null)
  return <span className="asset-thumb">{url && url !== brokenUrl && <img src={url} alt={alt} draggable={false} onError={() => setBrokenUrl(url)} />}</span>
}
