import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JumpListCategory } from 'electron'
import { launchBuiltMain, repoRoot, type StandIn } from './launch'

// The built main process with its own code seeing `process.platform === 'win32'` (STANDIN_PLATFORM, register.mjs).
// Libraries keep the real platform and paths stay POSIX, so this proves the glue's Windows paths, not Windows.

describe('a Windows start against a recorded Electron', () => {
  let electron: StandIn
  const jumpLists = async () => (await electron.records('app.setJumpList')).map((entry) => entry.args[0] as JumpListCategory[] | null)

  beforeAll(async () => {
    electron = await launchBuiltMain({ args: ['--demo'], env: { STANDIN_PLATFORM: 'win32' } })
    await electron.op('ready')
    await electron.waitFor('BrowserWindow.show')
  }, 30_000)
  afterAll(() => electron?.close())

  it('starts with Windows’ own jump list while nothing is recent', async () => {
    expect(await jumpLists()).toEqual([null])
  })

  it('lists an opened project in the jump list, as a task that starts the app on its folder', async () => {
    const sample = (await electron.call('app:firstStart', {}))!
    const [category] = (await jumpLists()).at(-1)!
    expect(category).toEqual({
      type: 'custom',
      name: 'Recent projects',
      // A development start: the program is Electron (here node), and the app's folder comes before the project's.
      items: [{ type: 'task', program: process.execPath, args: `"${repoRoot}" "${sample.path}"`, title: sample.project.name, description: sample.path }],
    })
    expect((await electron.records('app.addRecentDocument')).map((entry) => entry.args[0])).toEqual([sample.path])
  })

  it('sets it again only when the list changes: closing keeps it, forgetting the project empties it', async () => {
    const sample = (await electron.call('project:read', {}))!
    await electron.call('project:close', {})
    expect(await jumpLists()).toHaveLength(2)
    await electron.call('project:forgetRecent', { path: sample.path })
    expect(await jumpLists()).toEqual([null, expect.any(Array), null])
    expect(await electron.records('stand-in:missing')).toEqual([])
  })
})
