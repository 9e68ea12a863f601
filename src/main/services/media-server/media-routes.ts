import path from 'node:path'
import { AssetIdSchema, IdSchema } from '../../../shared/domain/project'
import { pathInsideProject, thumbnailFileName } from '../disk/project-folder'
import type { ProjectSession } from '../project/project-session'
import { serveFile } from './serve-file'
import { audioFileName, audioMimeTypes } from '../audio/audio-kind'

/** What the media server may look at: the open project (if any) and the projects in the recent list. */
export interface MediaSources {
  openProject(): Pick<ProjectSession, 'dir' | 'project' | 'assetPath' | 'thumbnailPath' | 'takeFilePath'> | null
  recentProjects(): readonly { path: string; thumbnailAssetId?: string | null | undefined }[]
  /** The preview of an image in the app-wide character library, if the library lists it. */
  libraryThumbnail?(assetId: string): Promise<string | null>
}

const notFound = (): Response => new Response(null, { status: 404 })

/**
 * Answers the renderer's media requests (see shared/media-paths). Everything is addressed by id and looked up in
 * the open project, so the page can never name a path; a request while no project is open finds nothing.
 */
export function createMediaRoutes(base: string, sources: MediaSources) {
  return async function handleMediaRequest(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    if (!request.url.startsWith(base)) return notFound()
    const [kind, id, index, ...extra] = new URL(request.url).href.slice(base.length).split(/[?#]/)[0]?.split('/') ?? []
    if (extra.length > 0 || id === undefined) return notFound()

    if (kind === 'recent') {
      if (!AssetIdSchema.safeParse(id).success || index !== undefined) return notFound()
      const entry = sources.recentProjects().find((recent) => recent.thumbnailAssetId === id)
      const file = entry ? pathInsideProject(entry.path, 'thumbs', thumbnailFileName(id)) : null
      return file && entry ? serveFile(entry.path, file, request, { mime: 'image/webp', cache: 'immutable' }) : notFound()
    }

    if (kind === 'library') {
      if (!AssetIdSchema.safeParse(id).success || index !== undefined || !sources.libraryThumbnail) return notFound()
      const file = await sources.libraryThumbnail(id)
      // The library lives in the app's own data folder; its thumbnails sit directly in one folder.
      return file ? serveFile(path.dirname(file), file, request, { mime: 'image/webp', cache: 'immutable' }) : notFound()
    }

    const open = sources.openProject()
    if (!open) return notFound()
    if (kind === 'thumb' || kind === 'asset') {
      const asset = index === undefined ? open.project().assets.find((candidate) => candidate.id === id) : undefined
      if (!asset) return notFound()
      return kind === 'thumb'
        ? serveFile(open.dir, open.thumbnailPath(asset.id), request, { mime: 'image/webp', cache: 'immutable' })
        : serveFile(open.dir, open.assetPath(asset.id), request, { mime: asset.mime, cache: 'immutable' })
    }
    if (kind === 'audio') {
      const file = index === undefined ? open.project().audioFiles?.find((candidate) => candidate.id === id) : undefined
      const filePath = file ? pathInsideProject(open.dir, 'audio', audioFileName(file)) : null
      return file && filePath ? serveFile(open.dir, filePath, request, { mime: audioMimeTypes[file.kind], cache: 'immutable' }) : notFound()
    }
    if (kind === 'take' && IdSchema.safeParse(id).success && index !== undefined && /^\d{1,2}$/.test(index)) {
      const file = open.project().takes.find((take) => take.id === id)?.files.find((candidate) => candidate.index === Number(index))
      if (!file?.fileName) return notFound()
      return serveFile(open.dir, open.takeFilePath(file.fileName), request, { mime: 'video/mp4', cache: 'revalidate' })
    }
    return notFound()
  }
}
