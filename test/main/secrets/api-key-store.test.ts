import { describe, expect, it } from 'vitest'
import { createApiKeyStore, type KeyCipher } from '../../../src/main/services/secrets/api-key-store'
import { createMemoryStore } from '../../../src/main/services/settings/key-value-store'

const KEY = 'sk-CANARY-0123456789abcdef'

function fakeCipher(strong: boolean): KeyCipher {
  // Reversible but not identity, so a test can tell stored bytes from the plain key.
  return {
    isEncryptionAvailable: () => true,
    isStrong: () => strong,
    encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  }
}

describe('API key store', () => {
  it('stores the key encrypted when the OS has a keyring, and never in plain text', () => {
    const disk = createMemoryStore()
    const keys = createApiKeyStore(disk, fakeCipher(true))
    expect(keys.set(KEY)).toBe('encrypted')
    expect(JSON.stringify(disk.get('apiKey'))).not.toContain(KEY)
    expect(createApiKeyStore(disk, fakeCipher(true)).get()).toBe(KEY)
    expect(keys.status()).toEqual({ hasApiKey: true, keyStorage: 'encrypted', secureStorageAvailable: true })
  })

  it('keeps the key for this session only without a keyring, unless the user accepts weaker storage', () => {
    const disk = createMemoryStore()
    const keys = createApiKeyStore(disk, fakeCipher(false))
    expect(keys.set(KEY)).toBe('session')
    expect(disk.get('apiKey')).toBeUndefined()
    expect(keys.get()).toBe(KEY)
    expect(createApiKeyStore(disk, fakeCipher(false)).get()).toBeNull()

    expect(keys.set(KEY, true)).toBe('insecure')
    expect(createApiKeyStore(disk, fakeCipher(false)).status()).toMatchObject({ hasApiKey: true, keyStorage: 'insecure' })
  })

  it('forgets the key everywhere when cleared', () => {
    const disk = createMemoryStore()
    const keys = createApiKeyStore(disk, fakeCipher(true))
    keys.set(KEY)
    keys.clear()
    expect(keys.get()).toBeNull()
    expect(createApiKeyStore(disk, fakeCipher(true)).status().hasApiKey).toBe(false)
  })

  it('has no stored key without any cipher (plain Node), only a session one', () => {
    const keys = createApiKeyStore(createMemoryStore(), null)
    expect(keys.set(KEY)).toBe('session')
    expect(keys.status()).toEqual({ hasApiKey: true, keyStorage: 'session', secureStorageAvailable: false })
  })
})
