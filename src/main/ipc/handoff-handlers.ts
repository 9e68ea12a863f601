import path from 'node:path'
import type { Handlers } from './router'
import type { SettingsService } from '../services/settings/settings-service'
import type { Workspace } from '../services/workspace/workspace'
import type { PdfPrinter } from '../services/handoff/pdf-printer'
import { exportsFolder } from '../services/disk/export-target'
import { exportHandoff } from '../services/handoff/export-handoff'
import { newId } from '../../shared/domain/ids'
import { importShotListCsv } from '../../shared/interchange/shot-list-import'
import { parseScript, refuseOversize } from '../services/script/parse-script'

type HandoffHandlerDeps = {
  settings: SettingsService
  workspace: Workspace
  pdfPrinter?: PdfPrinter | undefined
  showItemInFolder?: ((path: string) => void) | undefined
}

type HandoffChannels = 'export:handoff' | 'export:showInFolder' | 'import:shotList' | 'script:read'

/** Thin handlers for what goes out to editors and comes in from them (shot lists, screenplays). */
export function createHandoffHandlers(deps: HandoffHandlerDeps): Pick<Handlers, HandoffChannels> {
  const { settings, workspace } = deps
  return {
    'export:handoff': ({ format, otioMediaPaths }) => {
      const session = workspace.requireSession()
      return exportHandoff({ dir: session.dir, project: session.project(), prices: settings.get().prices }, format, deps.pdfPrinter ?? null, { otioMediaPaths })
    },
    'export:showInFolder': ({ path: file }) => {
      // Only what we exported: the renderer must not be able to point the file manager anywhere it likes.
      const inExports = path.dirname(path.resolve(file)) === path.resolve(exportsFolder(workspace.requireSession().dir))
      if (!inExports || !deps.showItemInFolder) return { shown: false }
      deps.showItemInFolder(path.resolve(file))
      return { shown: true }
    },
    'import:shotList': ({ text }) => {
      const project = workspace.requireSession().project()
      return importShotListCsv(text, { defaults: project.defaults, assets: project.assets, elements: project.elements, newId: () => newId() })
    },
    'script:read': ({ name, size, bytes }) => {
      refuseOversize(name, Math.max(size, bytes.byteLength))
      return parseScript(name, bytes)
    },
  }
}
