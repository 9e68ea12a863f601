import { afterAll, afterEach, beforeEach } from 'vitest'
import { startFakeMuleRouter } from '../../../src/fake-mulerouter'
import { closeBrowser, launchApp, type Harness } from '../harness'

export type Fake = Awaited<ReturnType<typeof startFakeMuleRouter>>
export type AppWithFake = { app: Harness; fake: Fake }

/**
 * Registers the hooks every spec against the fake MuleRouter needs: a fresh fake server and app per test, a
 * screenshot of what the user saw when a step failed, and the shared browser closed at the end. Read `app` and
 * `fake` from the returned object inside a test.
 */
export function useAppWithFake(fakeOptions: Parameters<typeof startFakeMuleRouter>[0]): AppWithFake {
  const current = {} as AppWithFake
  beforeEach(async () => {
    current.fake = await startFakeMuleRouter(fakeOptions)
    current.app = await launchApp()
  })
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await current.app.page.screenshot({ path: `test-results/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png` }).catch(() => {})
    await current.app.close()
    await current.fake.close()
  })
  afterAll(closeBrowser)
  return current
}
