/**
 * The process the kill-anywhere suite SIGKILLs: it opens the project, resumes whatever the last run left, and
 * starts every clip that has no take yet, exactly as the app would. argv: <project-dir> <base-url> <key>.
 */
import { createGenerationEngine } from '../../src/main/services/generation'
import { createMuleRouterClient } from '../../src/main/services/mulerouter/client'
import { openProjectSession } from '../../src/main/services/project/open-project'
import { newId } from '../../src/shared/domain/ids'

const [dir, baseUrl, key] = process.argv.slice(2)
if (!dir || !baseUrl || !key) throw new Error('usage: kill-anywhere-child <project-dir> <base-url> <key>')

const session = await openProjectSession(dir, { now: () => new Date(), newId: () => newId(), autosaveDelayMs: 5 })
const engine = createGenerationEngine({
  session,
  client: () => createMuleRouterClient({ baseUrl, apiKey: () => key, timeoutMs: 2_000, userAgent: 'Omniboard/kill-test' }),
  imageEncoding: () => 'raw',
  maxConcurrentJobs: () => 2,
  emit: () => undefined,
  timing: { firstPollMs: 15, pollBackoff: 1.5, maxPollMs: 40, submitRetryDelaysMs: [10, 20], downloadRetryDelaysMs: [10, 20, 40], progressThrottleMs: 50 },
})
await engine.resume()
process.stdout.write('ready\n')
for (const clip of session.project().clips) {
  if (session.project().takes.some((take) => take.clipId === clip.id)) continue
  await engine.start(clip.id)
  await new Promise((resolve) => setTimeout(resolve, 15))
}
await engine.idle()
await engine.dispose()
await session.close()
process.stdout.write('done\n')
