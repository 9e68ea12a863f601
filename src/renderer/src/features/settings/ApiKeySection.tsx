import { KeyRound, ShieldAlert, ShieldCheck } from 'lucide-react'
import { useState } from 'react'
import type { SettingsView } from '../../../../shared/settings'
import { call, invoke } from '../../ipc/client'
import { useStore } from '../../store/store'
import type { TypedBaseUrl } from './SettingsDialog'

const storageWords: Record<SettingsView['keyStorage'], string> = {
  none: 'No key is set.',
  encrypted: 'A key is set, stored encrypted by your system keychain.',
  session: 'A key is set for this session only; it is forgotten when Omniboard quits.',
  insecure: 'A key is set, stored on disk with weaker protection (no system keychain).',
}

/**
 * The key never comes back from the main process: the field only ever shows whether one is set. A key is saved for,
 * and tested against, the base URL the dialog shows now (`baseUrl`), not the one saved before.
 */
export function ApiKeySection({ settings, baseUrl }: { settings: SettingsView; baseUrl: TypedBaseUrl | null }) {
  const [key, setKey] = useState('')
  const [allowInsecure, setAllowInsecure] = useState(false)
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null)
  const apply = (view: SettingsView | null) => view && useStore.getState().setSettings(view)

  /** Errors stay in the dialog (a toast would sit behind the modal); settings are re-read either way,
   * since a refusal can still leave a session-only key in place. */
  async function saveKey() {
    if (key.trim().length < 8) return setTest({ ok: false, text: 'That is too short to be a MuleRouter key.' })
    if (baseUrl?.problem) return setTest({ ok: false, text: `Fix the base URL first: ${baseUrl.problem}` })
    const result = await invoke('settings:setApiKey', {
      key: key.trim(),
      ...(allowInsecure ? { allowInsecureStorage: true } : {}),
      ...(baseUrl ? { baseUrl: baseUrl.url } : {}),
    })
    if (result.ok) {
      apply(result.value)
      setKey('')
      setTest(null)
      return
    }
    setTest({ ok: false, text: `${result.error.message} ${result.error.hint}` })
    apply(await call('settings:get', {}))
  }

  async function removeKey() {
    const result = await invoke('settings:clearApiKey', {})
    if (result.ok) apply(result.value)
    else setTest({ ok: false, text: `${result.error.message} ${result.error.hint}` })
  }

  async function testKey() {
    if (baseUrl?.problem) return setTest({ ok: false, text: `Fix the base URL first: ${baseUrl.problem}` })
    setTest({ ok: true, text: baseUrl ? `Testing against ${baseUrl.url}…` : 'Testing…' })
    const result = await invoke('settings:testApiKey', baseUrl ? { baseUrl: baseUrl.url } : {})
    const where = baseUrl ? ` at ${baseUrl.url}` : ''
    setTest(result.ok ? { ok: true, text: `The server${where} accepted the key.` } : { ok: false, text: `${result.error.message} ${result.error.hint}` })
  }

  const Icon = settings.keyStorage === 'encrypted' ? ShieldCheck : settings.keyStorage === 'none' ? KeyRound : ShieldAlert
  return (
    <section className="dialog-section" aria-labelledby="settings-key">
      <h3 id="settings-key" className="caps-label dialog-section__title">MuleRouter access</h3>
      <p className={`settings__key-status settings__key-status--${settings.keyStorage}`}>
        <Icon size={16} strokeWidth={1.75} aria-hidden /> {storageWords[settings.keyStorage]}
      </p>
      <div className="settings__key-row">
        <input
          className="input"
          type="password"
          autoComplete="off"
          aria-label="API key"
          placeholder={settings.hasApiKey ? 'Enter a new key to replace it' : 'Paste your key'}
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <button type="button" className="btn btn--primary" aria-disabled={key.trim() === ''} title={key.trim() === '' ? 'Paste a key first' : undefined} onClick={() => void saveKey()}>Save key</button>
        <button type="button" className="btn" aria-disabled={!settings.hasApiKey} title={settings.hasApiKey ? undefined : 'Save a key first'} onClick={() => settings.hasApiKey && void testKey()}>Test key</button>
        {settings.hasApiKey && (
          <button type="button" className="btn btn--ghost btn--danger" onClick={() => void removeKey()}>Remove</button>
        )}
      </div>
      {!settings.secureStorageAvailable && (
        <div className="settings__insecure">
          <p>This system offers no keychain, so Omniboard cannot encrypt the key on disk. By default it keeps the key for this session only.</p>
          <label className="settings__check">
            <input type="checkbox" checked={allowInsecure} onChange={(e) => setAllowInsecure(e.target.checked)} />
            Store it anyway with weaker protection, so it survives a restart
          </label>
        </div>
      )}
      {test && <p className={test.ok ? 'field__hint' : 'field__error'} role="status">{test.text}</p>}
    </section>
  )
}
