import { fail } from '../../../shared/errors'
import { isRecord } from '../../../shared/is-record'
import { baseUrlProblem, defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings'
import { RecentProjectSchema, type RecentProject } from '../../../shared/domain/recent-project'
import { BudgetCapsSchema, type BudgetCaps } from '../../../shared/domain/spend'
import type { KeyValueStore } from './key-value-store'

const MAX_RECENT = 12

/** App settings and the recent-projects list. Values read back are validated: a hand-edited store never crashes us. */
export function createSettingsService(store: KeyValueStore, defaultProjectsDir: string) {
  const defaults = defaultSettings(defaultProjectsDir)

  /**
   * What `get` last answered, dropped by `update` (this service is the store's only writer of settings). The engine
   * reads settings several times per take; each read was a store read (electron-store reads its file) and a parse.
   */
  let current: Settings | null = null

  function get(): Settings {
    current ??= read()
    return current
  }

  function read(): Settings {
    const saved = store.get('settings')
    const stored = isRecord(saved) ? saved : {}
    const merged = { ...defaults, ...stored, budgets: budgetsFrom(stored['budgets']) }
    const parsed = SettingsSchema.safeParse(merged)
    return parsed.success ? withoutRefusedBaseUrl(parsed.data) : defaults
  }

  /**
   * Settings from before budgets have none: no caps. A caps entry that does not read (hand-edited) also means no
   * caps rather than throwing every other setting away with it; a cap missing from it is no cap.
   */
  function budgetsFrom(saved: unknown): BudgetCaps {
    const parsed = BudgetCapsSchema.safeParse({ ...defaults.budgets, ...(isRecord(saved) ? saved : {}) })
    return parsed.success ? parsed.data : defaults.budgets
  }

  /** A hand-edited (or older) store may hold a URL the key must not go to: it is dropped, not used. */
  function withoutRefusedBaseUrl(settings: Settings): Settings {
    if (settings.customBaseUrl === '' || baseUrlProblem(settings.customBaseUrl) === null) return settings
    return { ...settings, customBaseUrl: '', baseUrlPreset: settings.baseUrlPreset === 'custom' ? defaults.baseUrlPreset : settings.baseUrlPreset }
  }

  function update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...get(), ...patch })
    const problem = next.customBaseUrl === '' ? (next.baseUrlPreset === 'custom' ? 'Enter the custom base URL.' : null) : baseUrlProblem(next.customBaseUrl)
    if (problem !== null) fail('base_url_refused', problem, 'Fix the base URL in Settings; nothing was changed.')
    store.set('settings', next)
    current = null
    return next
  }

  function recent(): RecentProject[] {
    const saved = store.get('recentProjects')
    if (!Array.isArray(saved)) return []
    return saved.flatMap((entry) => {
      const parsed = RecentProjectSchema.safeParse(entry)
      return parsed.success ? [parsed.data] : []
    })
  }

  function rememberRecent(entry: RecentProject): RecentProject[] {
    const next = [entry, ...recent().filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT)
    store.set('recentProjects', next)
    return next
  }

  function forgetRecent(path: string): RecentProject[] {
    const next = recent().filter((r) => r.path !== path)
    store.set('recentProjects', next)
    return next
  }

  /** True exactly once per installation: the first start, when a new user is shown the sample project. */
  function claimFirstStart(): boolean {
    if (store.get('firstStartDone') === true) return false
    store.set('firstStartDone', true)
    return true
  }

  return { get, update, recent, rememberRecent, forgetRecent, claimFirstStart }
}
export type SettingsService = ReturnType<typeof createSettingsService>

