import type { Handlers } from './router'
import type { OmniboardMainDeps } from '../omniboard-main'
import type { SettingsService } from '../services/settings/settings-service'
import type { ApiKeyStore } from '../services/secrets/api-key-store'
import type { Workspace } from '../workspace'
import { isAllowedExternalUrl } from '../external-links'
import { readProjectFile } from '../services/project/read-project-file'
import { pathInsideProject, thumbnailFileName } from '../services/project/project-folder'
import { fail } from '../../shared/errors'
import type { SettingsView } from '../../shared/settings'

type HandlerDeps = OmniboardMainDeps & { settings: SettingsService; apiKey: ApiKeyStore; workspace: Workspace }

const MAX_MEDIA_BYTES = 512 * 1024 * 1024

/** Reads a media file for the renderer; null when the file is not there. */
async function readMediaIfPresent(path: string, mime: string) {
  const bytes = await readProjectFile(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  })
  if (bytes === null) return null
  if (bytes.byteLength > MAX_MEDIA_BYTES) fail('internal', 'This file is too large to preview.', 'Open it from the project folder instead.')
  return { mime, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
}

async function readMedia(path: string, mime: string) {
  const media = await readMediaIfPresent(path, mime)
  if (!media) fail('not_found', 'The file is missing from the project folder.', 'It may have been moved or deleted outside Omniboard.')
  return media
}

/** Thin handlers: each parses nothing (the router did), calls one service and returns plain data. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { settings, apiKey, workspace } = deps
  const settingsView = (): SettingsView => ({ ...settings.get(), ...apiKey.status() })

  return {
    'app:info': () => ({ name: 'Omniboard', version: deps.appVersion, platform: deps.platform }),
    'app:firstStart': async () => {
      if (!settings.claimFirstStart()) return null
      return workspace.openSample(settings.get().projectsDir)
    },
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false }
      await deps.openExternal(url)
      return { opened: true }
    },

    'project:create': ({ name, parentDir }) => workspace.create(parentDir ?? settings.get().projectsDir, name),
    'project:open': ({ path }) => workspace.open(path),
    'project:openSample': () => workspace.openSample(settings.get().projectsDir),
    'project:chooseToOpen': async () => ({ path: await deps.dialogs.chooseProjectFolder() }),
    'project:chooseImages': async () => ({ paths: await deps.dialogs.chooseImages() }),
    'project:close': async () => ({ closed: await workspace.close() }),
    'project:read': () => (workspace.current() ? workspace.snapshot() : null),
    'project:edit': ({ ops }) => ({ revision: workspace.requireSession().applyEdits(ops) }),
    'project:saveNow': async () => ({ savedAt: await workspace.requireSession().saveNow() }),
    'project:recent': () => settings.recent(),
    'project:forgetRecent': ({ path }) => settings.forgetRecent(path),

    'assets:importFiles': ({ paths }) => workspace.requireSession().importFiles(paths),
    'assets:importBytes': ({ name, bytes }) => workspace.requireSession().importBytes(name, bytes),
    'media:thumbnail': ({ assetId }) => {
      const session = workspace.requireSession()
      if (!session.project().assets.some((asset) => asset.id === assetId)) fail('not_found', 'That image is not in this project.', 'Import it again.')
      return readMedia(session.thumbnailPath(assetId), 'image/webp')
    },
    'media:takeVideo': ({ takeId, index }) => {
      const session = workspace.requireSession()
      const file = session.project().takes.find((take) => take.id === takeId)?.files.find((f) => f.index === index)
      if (!file?.fileName) fail('not_found', 'This take has no downloaded video yet.', 'Wait for the download to finish, or retry it.')
      return readMedia(session.takeFilePath(file.fileName), 'video/mp4')
    },

    'media:recentThumbnail': ({ path }) => {
      // Only folders the user opened before: the renderer must not be able to read images from any path it names.
      const entry = settings.recent().find((recent) => recent.path === path)
      if (!entry) fail('not_found', 'That project is not in the recent list.', 'Open it with Open… instead.')
      if (!entry.thumbnailAssetId) return null
      const file = pathInsideProject(entry.path, 'thumbs', thumbnailFileName(entry.thumbnailAssetId))
      return file ? readMediaIfPresent(file, 'image/webp') : null
    },

    'generation:start': ({ clipId, actionId }) => workspace.requireEngine().start(clipId, actionId),
    'generation:resolveUnknown': ({ takeId, action }) => workspace.requireEngine().resolveUnknown(takeId, action),
    'generation:cancel': ({ takeId }) => workspace.requireEngine().cancel(takeId),
    'generation:checkAgain': ({ takeId }) => workspace.requireEngine().checkAgain(takeId),

    'settings:get': () => settingsView(),
    'settings:update': ({ patch }) => {
      settings.update(patch)
      return settingsView()
    },
    'settings:setApiKey': ({ key, allowInsecureStorage }) => {
      apiKey.set(key, allowInsecureStorage)
      return settingsView()
    },
    'settings:clearApiKey': () => {
      apiKey.clear()
      return settingsView()
    },
    'settings:testApiKey': async () => {
      await workspace.checkKey()
      return { valid: true as const }
    },
  }
}
