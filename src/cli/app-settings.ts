import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSettingsService } from '../main/services/settings/settings-service'
import { createMemoryStore } from '../main/services/settings/key-value-store'
import type { Settings } from '../shared/settings'

/**
 * The app's user data folder, where its settings and the spend ledger live, so the CLI counts the same budgets
 * at the same prices as the app. OMNIBOARD_USER_DATA_DIR overrides it, as it does for the app.
 */
export function appUserDataDir(env: Readonly<Record<string, string | undefined>>): string {
  const override = env.OMNIBOARD_USER_DATA_DIR?.trim()
  if (override) return override
  const home = env.HOME ?? os.homedir()
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Omniboard')
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Omniboard')
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Omniboard')
}

/** The app's settings as it last saved them (electron-store's settings.json), read only; defaults when absent. */
export async function readAppSettings(userDataDir: string): Promise<Settings> {
  let saved: unknown = undefined
  try {
    saved = (JSON.parse(await fs.readFile(path.join(userDataDir, 'settings.json'), 'utf8')) as { settings?: unknown }).settings
  } catch {
    // No app on this machine yet, or a file the app itself would not read: the defaults, as the app would use.
  }
  return createSettingsService(createMemoryStore(saved === undefined ? {} : { settings: saved }), path.join(os.homedir(), 'Omniboard')).get()
}
