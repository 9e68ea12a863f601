import { SafeFileNameSchema, type Project } from '../../../shared/domain/project'
import { fail } from '../../../shared/errors'
import { assetFileName, pathInsideProject, thumbnailFileName, type ProjectSubfolder } from '../disk/project-folder'

/** Absolute paths handed to other services; only for files the project knows, and never outside its folder. */
export function assetFilePath(dir: string, project: Project, assetId: string): string {
  const asset = findAsset(project, assetId)
  return inside(dir, 'assets', assetFileName(asset.id, asset.mime))
}

export function thumbnailFilePath(dir: string, project: Project, assetId: string): string {
  return inside(dir, 'thumbs', thumbnailFileName(findAsset(project, assetId).id))
}

export function takeVideoPath(dir: string, fileName: string): string {
  if (!SafeFileNameSchema.safeParse(fileName).success) fail('invalid_request', `"${fileName}" is not a plain file name.`, '')
  return inside(dir, 'takes', fileName)
}

const findAsset = (project: Project, assetId: string) =>
  project.assets.find((asset) => asset.id === assetId) ?? fail('not_found', 'That image is not in this project.', 'It may have been removed; import it again.')

const inside = (dir: string, subfolder: ProjectSubfolder, fileName: string): string =>
  pathInsideProject(dir, subfolder, fileName) ?? fail('invalid_request', `"${fileName}" is outside the project folder.`, '')
