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

/** `origin` is where the key was entered for; older stores lack it. */
type StoredKey = { kind: 'encrypted' | 'insecure'; data: string; origin?: string }

/**
 * Keeps the MuleRouter key. Encrypted on disk only with a real keyring; without one the key lives for this
 * session only unless the user explicitly accepts weaker protection (as VS Code does). Never returned to the
 * renderer: callers outside the main process only ever see `status()`.
 */
export function createApiKeyStore(store: KeyValueStore, cipher: KeyCipher | null) {
  let sessionKey: string | null = null
  let sessionOrigin: string | null = null
  const strong = () => cipher !== null && cipher.isEncryptionAvailable() && cipher.isStrong()

  function stored(): StoredKey | null {
    const value = store.get(STORE_KEY) as Partial<StoredKey> | undefined
    if (!value || (value.kind !== 'encrypted' && value.kind !== 'insecure') || typeof value.data !== 'string') return null
    return { kind: value.kind, data: value.data, ...(typeof value.origin === 'string' ? { origin: value.origin } : {}) }
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

  /** `origin` is the server the user entered the key for; it is only ever sent there unless they agree otherwise. */
  function set(key: string, allowInsecureStorage = false, origin: string | null = null): KeyStorage {
    if (strong() || (allowInsecureStorage && cipher?.isEncryptionAvailable())) {
      const kind = strong() ? 'encrypted' : 'insecure'
      store.set(STORE_KEY, { kind, data: cipher!.encrypt(key).toString('base64'), ...(origin !== null ? { origin } : {}) })
      sessionKey = null
      sessionOrigin = null
      return kind
    }
    if (allowInsecureStorage) {
      fail('key_storage_insecure', 'This system cannot store the key on disk at all.', 'The key is kept until you quit Omniboard.')
    }
    store.delete(STORE_KEY)
    sessionKey = key
    sessionOrigin = origin
    return 'session'
  }

  /** The origin the key is bound to; null when no key is set or it was stored before keys were bound. */
  function origin(): string | null {
    if (sessionKey !== null) return sessionOrigin
    return stored()?.origin ?? null
  }

  /** Moves the key to another origin, after the user agreed to send it there. */
  function bindTo(next: string): void {
    if (sessionKey !== null) sessionOrigin = next
    const saved = stored()
    if (sessionKey === null && saved !== null) store.set(STORE_KEY, { ...saved, origin: next })
  }

  function clear(): void {
    sessionKey = null
    sessionOrigin = null
    store.delete(STORE_KEY)
  }

  function status(): { hasApiKey: boolean; keyStorage: KeyStorage; secureStorageAvailable: boolean } {
    const storage: KeyStorage = sessionKey !== null ? 'session' : (stored()?.kind ?? 'none')
    return { hasApiKey: get() !== null, keyStorage: storage, secureStorageAvailable: strong() }
  }

  return { get, set, origin, bindTo, clear, status }
}
export type ApiKeyStore = ReturnType<typeof createApiKeyStore>

export const noApiKeyError = () =>
  appError('no_api_key', 'No MuleRouter API key is set.', 'Open Settings and paste your API key. Drafting works without one.')

export const keyOriginRefusedError = (keyOrigin: string, targetOrigin: string) =>
  appError(
    'api_key_origin_refused',
    `Omniboard did not send your API key to ${targetOrigin}: it was entered for ${keyOrigin}. Nothing was sent.`,
    `Switch the base URL back in Settings, or save the key again for ${targetOrigin} if you trust that server.`,
  )
