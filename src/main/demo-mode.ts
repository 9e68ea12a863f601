import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeMuleRouter } from '../fake-mulerouter'

/**
 * `npm run demo`: the app against the built-in fake MuleRouter, in a profile of its own. The demo never reads
 * or writes the user's settings, key or projects: its userData and projects live in a fresh temporary folder,
 * its key is a session-only fake, and the server listens on a free loopback port.
 */
export const DEMO_FLAG = '--demo'
const DEMO_API_KEY = 'sk-demo-local'

export type DemoProfile = { userDataDir: string; documentsDir: string }
export type DemoServer = { baseUrl: string; apiKey: string; close(): Promise<void> }

export function wantsDemo(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes(DEMO_FLAG) || env['OMNIBOARD_DEMO'] === '1'
}

/** A fresh profile each run, so the demo always opens on the sample, as a first start does. */
export function createDemoProfile(tempRoot: string): DemoProfile {
  const root = mkdtempSync(join(tempRoot, 'omniboard-demo-'))
  const profile = { userDataDir: join(root, 'userData'), documentsDir: join(root, 'Documents') }
  mkdirSync(profile.userDataDir, { recursive: true })
  mkdirSync(profile.documentsDir, { recursive: true })
  return profile
}

/** Quick enough to watch a take go from pending to done in a demo, slow enough to see each step. */
export async function startDemoServer(): Promise<DemoServer> {
  // A 640×360 test pattern: large enough that a grabbed or chained frame passes Kling's 300 px minimum.
  const videoPath = new URL('../../test/fixtures/film/take-360p-silent.mp4', import.meta.url)
  const fake = await startFakeMuleRouter({ host: '127.0.0.1', port: 0, keys: [DEMO_API_KEY], pendingMs: 1500, processingMs: 4000, videoPath })
  return { baseUrl: fake.url, apiKey: DEMO_API_KEY, close: () => fake.close() }
}
