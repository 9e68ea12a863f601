import { apiRules } from './api-rules'
import type { Asset } from './project'
import { error, type ValidationIssue } from './validation-issue'

const megabyte = 1024 * 1024

// One index per asset list: checking every clip of a 3,000-clip, 6,000-image project searched the whole list
// for each of its 20,000 image references. The app replaces lists rather than changing them; a list that grew
// or shrank in place (a script building a project) gets a new index.
const indexes = new WeakMap<readonly Asset[], Map<string, Asset>>()

/** The asset with this id, by an index built once per list. */
export function findAsset(assets: readonly Asset[], assetId: string): Asset | undefined {
  let index = indexes.get(assets)
  if (index === undefined || index.size !== assets.length) {
    index = new Map(assets.map((asset) => [asset.id, asset]))
    indexes.set(assets, index)
  }
  return index.get(assetId)
}

/**
 * Checks one referenced image against the API's limits using what was recorded at import.
 * `subject` names the image in a sentence, e.g. "The first frame" or "Element 2's reference image 1".
 */
export function validateImageAsset(
  assetId: string,
  assets: readonly Asset[],
  path: string,
  subject: string,
): ValidationIssue[] {
  const asset = findAsset(assets, assetId)
  if (!asset) {
    return [error('asset_missing', path, `${subject} is missing from the project's images. Choose the image again.`)]
  }
  const issues: ValidationIssue[] = []
  const { image } = apiRules
  if (!(image.mimeTypes as readonly string[]).includes(asset.mime)) {
    issues.push(error('image_format', path, `${subject} is ${asset.mime} — the API takes JPEG or PNG only.`))
  }
  if (asset.bytes > image.maxBytes) {
    issues.push(
      error(
        'image_too_large',
        path,
        `${subject} is ${describeBytes(asset.bytes)} — the limit is ${image.maxBytes / megabyte} MB. ` +
          `It is ${describeBytes(asset.bytes - image.maxBytes)} over.`,
      ),
    )
  }
  const size = `${asset.width}×${asset.height} px`
  if (Math.min(asset.width, asset.height) < image.minSidePx) {
    issues.push(error('image_too_small', path, `${subject} is ${size} — both sides must be at least ${image.minSidePx} px.`))
  }
  const aspect = Math.max(asset.width / asset.height, asset.height / asset.width)
  if (aspect > image.maxAspect) {
    const shape = asset.width >= asset.height ? `${round2(aspect)}:1` : `1:${round2(aspect)}`
    issues.push(
      error(
        'image_aspect',
        path,
        `${subject} is ${size}, an aspect ratio of ${shape} — it must lie between 1:${image.maxAspect} and ${image.maxAspect}:1. Crop it.`,
      ),
    )
  }
  return issues
}

function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  if (bytes < megabyte) return `${round2(bytes / 1024)} KB`
  return `${round2(bytes / megabyte)} MB`
}

function round2(value: number): string {
  return (Math.round(value * 100) / 100).toString()
}
