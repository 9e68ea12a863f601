import { appError, fail } from '../../../shared/errors'
import type { KeyValueStore } from '../settings/key-value-store'

/** Electron's safeStorage as seen by us; null where there is none (plain Node: CLI, tests). */
export interface KeyCipher {
  isEncryptionAvailable(): boolean
  /** False when the OS offers no keyring (Linux `basic_text`): "encryption" then uses a fixed password. */
  isStrong(): boolean
  encrypt(plain: string): Buffer
  decrypt(encrypted: Buffer): string
}

export type KeyStorage = 'none' | 'encrypted' | 'session' | 'insecure'
const STORE_KEY = 'apiKey'

type StoredKey = { kind: 'encrypted' | 'insecure'; data: string }

/**
 * Keeps the MuleRouter key. Encrypted on disk only with a real keyring; without one the key lives for this
 * session only unless the user explicitly accepts weaker protection (as VS Code does). Never returned to the
 * renderer: callers outside the main process only ever see `status()`.
 */
export function createApiKeyStore(store: KeyValueStore, cipher: KeyCipher | null) {
  let sessionKey: string | null = null
  const strong = () => cipher !== null && cipher.isEncryptionAvailable() && cipher.isStrong()

  function stored(): StoredKey | null {
    const value = store.get(STORE_KEY) as Partial<StoredKey> | undefined
    if (!value || (value.kind !== 'encrypted' && value.kind !== 'insecure') || typeof value.data !== 'string') return null
    return { kind: value.kind, data: value.data }
  }

  function get(): string | null {
    if (sessionKey !== null) return sessionKey
    const saved = stored()
    if (!saved || !cipher?.isEncryptionAvailable()) return null
    try {
      return cipher.decrypt(Buffer.from(saved.data, 'base64'))
    } catch {
      // A key encrypted by another user account or machine cannot be read back; treat it as not set.
      return null
    }
  }

  function set(key: string, allowInsecureStorage = false): KeyStorage {
    if (strong() || (allowInsecureStorage && cipher?.isEncryptionAvailable())) {
      const kind = strong() ? 'encrypted' : 'insecure'
      store.set(STORE_KEY, { kind, data: cipher!.encrypt(key).toString('base64') })
      sessionKey = null
      return kind
    }
    if (allowInsecureStorage) {
      fail('key_storage_insecure', 'This system cannot store the key on disk at all.', 'The key is kept until you quit Omniboard.')
    }
    store.delete(STORE_KEY)
    sessionKey = key
    return 'session'
  }

  function clear(): void {
    sessionKey = null
    store.delete(STORE_KEY)
  }

  function status(): { hasApiKey: boolean; keyStorage: KeyStorage; secureStorageAvailable: boolean } {
    const storage: KeyStorage = sessionKey !== null ? 'session' : (stored()?.kind ?? 'none')
    return { hasApiKey: get() !== null, keyStorage: storage, secureStorageAvailable: strong() }
  }

  return { get, set, clear, status }
}
export type ApiKeyStore = ReturnType<typeof createApiKeyStore>

export const noApiKeyError = () =>
  appError('no_api_key', 'No MuleRouter API key is set.', 'Open Settings and paste your API key. Drafting works without one.')
