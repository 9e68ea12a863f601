import { AppErrorException } from '../../../shared/errors'
import { originOf, requireSendableBaseUrl } from '../../../shared/settings'
import type { UserQuestions } from '../user-questions'
import { keyOriginRefusedError, type ApiKeyStore } from './api-key-store'

/**
 * Keeps the API key to the origin it was entered for. Every request checks synchronously (polling after a restart
 * included); actions the user starts ask first, through a native dialog, before the key may go somewhere new.
 */
export function createKeyOriginGuard(apiKey: ApiKeyStore, confirm: UserQuestions['confirmKeyOrigin']) {
  /** The key for a request to `baseUrl`, or null when none is set; throws when it is bound to another origin. */
  function keyFor(baseUrl: string): string | null {
    const key = apiKey.get()
    if (key === null) return null
    const target = originOf(requireSendableBaseUrl(baseUrl))
    const bound = apiKey.origin()
    // A key saved before keys were bound has been going to the configured server all along.
    if (bound === null) apiKey.bindTo(target)
    else if (bound !== target) throw new AppErrorException(keyOriginRefusedError(bound, target))
    return key
  }

  /** Asks before the key goes to a new origin: yes re-binds it there; no sends nothing and says so. */
  async function confirmFor(baseUrl: string): Promise<void> {
    if (apiKey.get() === null) return
    const target = originOf(requireSendableBaseUrl(baseUrl))
    const bound = apiKey.origin()
    if (bound === null || bound === target) return
    if (!(await confirm({ keyOrigin: bound, targetOrigin: target }))) throw new AppErrorException(keyOriginRefusedError(bound, target))
    apiKey.bindTo(target)
  }

  return { keyFor, confirmFor }
}
