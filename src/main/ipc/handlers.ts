import type { Handlers } from './router'
import type { OmniboardMainDeps } from '../omniboard-main'
import type { SettingsService } from '../services/settings/settings-service'
import type { ApiKeyStore } from '../services/secrets/api-key-store'
import type { Workspace } from '../services/workspace/workspace'
import type { FilmExporter } from '../services/media/film-exporter'
import { isAllowedExternalUrl } from '../external-links'
import { originOf, requireSendableBaseUrl, resolveBaseUrl, type SettingsView } from '../../shared/settings'
import { createHandoffHandlers } from './handoff-handlers'
import { createAudioHandlers } from './audio-handlers'
import { importFromUrl } from '../services/web-images/import-from-url'
import { grabTakeFrame } from '../services/frames/grab-take-frame'
import type { CharacterLibrary } from '../services/library/character-library'
import { trashTake } from '../services/take-trash/trash-take'
import { fail } from '../../shared/errors'
import type { LedgerService } from '../services/ledger/ledger-service'
import { probeTakeVideoFacts } from '../services/media/take-video-facts'
import { checkVideoUrl } from '../services/web-video/check-video-url'

type HandlerDeps = OmniboardMainDeps & { settings: SettingsService; apiKey: ApiKeyStore; workspace: Workspace; film: FilmExporter; library: CharacterLibrary; ledger: LedgerService }

/**
 * Thin handlers: the router has parsed every request already. Most call one service and return plain data; some
 * first run a dialog (choose a folder, images), check settings (an allowed link) or look up the open project.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { settings, apiKey, workspace } = deps
  const settingsView = (): SettingsView => ({ ...settings.get(), ...apiKey.status() })

  return {
    'app:info': () => ({ name: 'Omniboard', version: deps.appVersion, platform: deps.platform, mediaBase: deps.mediaBase, demo: deps.demo !== undefined }),
    'app:firstStart': async () => {
      if (!settings.claimFirstStart()) return null
      return workspace.openSample(settings.get().projectsDir)
    },
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false }
      await deps.openExternal(url)
      return { opened: true }
    },

    'app:windowState': (state) => {
      deps.onWindowState?.(state)
      return {}
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
    'project:reloadFromDisk': () => workspace.reloadFromDisk(),
    'project:keepMine': () => workspace.keepMine(),
    'project:recent': () => settings.recent(),
    'project:forgetRecent': ({ path }) => settings.forgetRecent(path),
    'project:reveal': () => {
      if (!deps.showItemInFolder) return { revealed: false }
      deps.showItemInFolder(workspace.requireSession().dir)
      return { revealed: true }
    },

    'assets:importFiles': ({ paths }) => workspace.requireSession().importFiles(paths),
    'assets:importBytes': ({ name, bytes }) => workspace.requireSession().importBytes(name, bytes),
    'assets:importUrl': ({ url, allowPrivate }) => importFromUrl(workspace.requireSession(), url, { allowPrivate: allowPrivate === true }),
    'assets:crop': async ({ assetId, crop }) => ({ asset: await workspace.requireSession().cropAsset(assetId, crop) }),
    'generation:start': async ({ clipId, actionId }) => {
      const engine = workspace.requireEngine()
      await workspace.confirmKeyOrigin()
      return engine.start(clipId, actionId)
    },
    'budget:setProjectCap': ({ capUsd }) => workspace.setProjectCap(capUsd),
    'ledger:read': () => deps.ledger.read(),
    'ledger:exportCsv': () => deps.ledger.exportCsv(),
    'generation:resolveUnknown': async ({ takeId, action }) => {
      const engine = workspace.requireEngine()
      if (action === 'resubmit') await workspace.confirmKeyOrigin()
      return engine.resolveUnknown(takeId, action)
    },
    'generation:cancel': ({ takeId }) => workspace.requireEngine().cancel(takeId),
    'queue:plan': ({ clipIds, takesPerClip }) => workspace.requireEngine().plan(clipIds, takesPerClip),
    'queue:add': async ({ clipIds, takesPerClip, actionId }) => {
      const engine = workspace.requireEngine()
      await workspace.confirmKeyOrigin()
      return { takes: await engine.enqueue(clipIds, takesPerClip, actionId) }
    },
    'queue:reorder': ({ takeIds }) => workspace.requireEngine().reorder(takeIds),
    'queue:setPaused': ({ paused }) => workspace.requireEngine().setPaused(paused),
    'queue:state': () => workspace.requireEngine().queueState(),
    'generation:checkAgain': async ({ takeId }) => {
      const engine = workspace.requireEngine()
      await workspace.confirmKeyOrigin()
      return engine.checkAgain(takeId)
    },
    'generation:edit': async ({ actionId, ...edit }) => {
      const engine = workspace.requireEngine()
      await workspace.confirmKeyOrigin()
      return engine.edit(edit, actionId)
    },
    'generation:planEdit': (edit) => workspace.requireEngine().planEdit(edit),
    'video:checkUrl': ({ url }) => checkVideoUrl(url, deps.videoLinks),
    'takes:videoFacts': ({ takeId }) => probeTakeVideoFacts(workspace.requireSession(), takeId, (take) => deps.emit('take:updated', { take })),
    'frames:grab': (request) => grabTakeFrame(workspace.requireSession(), request),
    'takes:trash': async ({ takeId }) => {
      await trashTake(workspace.requireSession(), takeId, deps.trashItem)
      return { takeId }
    },

    'library:list': () => deps.library.list(),
    'library:save': ({ elementId }) => {
      const session = workspace.requireSession()
      const element = session.project().elements.find((candidate) => candidate.id === elementId)
      return element ? deps.library.save(session, element) : fail('not_found', 'That element is not in this project.', '')
    },
    'library:remove': ({ characterId }) => deps.library.remove(characterId),
    'library:insert': ({ characterId }) => deps.library.insert(workspace.requireSession(), characterId),

    'settings:get': () => settingsView(),
    'settings:update': ({ patch }) => {
      settings.update(patch)
      workspace.settingsChanged(patch)
      return settingsView()
    },
    'settings:setApiKey': ({ key, allowInsecureStorage, baseUrl }) => {
      apiKey.set(key, allowInsecureStorage, originOf(requireSendableBaseUrl(baseUrl ?? resolveBaseUrl(settings.get()))))
      return settingsView()
    },
    'settings:clearApiKey': () => {
      apiKey.clear()
      return settingsView()
    },
    'settings:testApiKey': async ({ baseUrl }) => {
      await workspace.checkKey(baseUrl)
      return { valid: true as const }
    },
    ...createHandoffHandlers(deps),
    ...createAudioHandlers({ workspace, dialogs: deps.dialogs, now: () => new Date() }),

    'film:plan': () => deps.film.plan(workspace.requireSession()),
    'film:export': ({ includeAnimatic, captions }) => deps.film.export(workspace.requireSession(), { includeAnimatic, captions }),
    'film:cancelExport': () => ({ cancelled: deps.film.cancel() }),
  }
}
