import { useThumbnailUrl } from './thumbnail-cache'

/** A thumbnail that holds its box while loading, so nothing shifts when the image arrives. */
export function AssetThumb({ assetId, alt = '' }: { assetId: string; alt?: string }) {
  const url = useThumbnailUrl(assetId)
  return <span className="asset-thumb">{url && <img src={url} alt={alt} draggable={false} />}</span>
}
