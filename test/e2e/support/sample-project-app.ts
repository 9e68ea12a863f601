import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach } from 'vitest'
import { createSampleProject } from '../../../src/main/services/project/sample-project'
import { closeBrowser, launchApp, type Harness, type HarnessOptions } from '../harness'

/** project.json as plain JSON, for a spec to reshape before the app opens it. */
export type ProjectJson = Record<string, unknown> & { clips: Record<string, unknown>[]; assets: Record<string, unknown>[]; takes: unknown[] }

/**
 * Registers the hooks of a spec that opens a reshaped sample project: per test, the sample project is written to
 * a temp folder, `edit` changes its project.json (and may add files to the folder), and the app is launched with
 * its Open… dialog answering that folder (and `dialogs` answering the others); after it, app and folder are removed,
 * and the browser at the end. Read `app` from the returned object inside a test.
 */
export function useSampleProjectApp(edit: (json: ProjectJson, dir: string) => Promise<void> | void, dialogs: HarnessOptions['dialogs'] = {}): { app: Harness } {
  const current = {} as { app: Harness }
  let parent = ''
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'omniboard-e2e-project-'))
    const session = await createSampleProject(parent)
    const dir = session.dir
    await session.close()
    const file = join(dir, 'project.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as ProjectJson
    await edit(json, dir)
    await writeFile(file, JSON.stringify(json))
    current.app = await launchApp({ dialogs: { ...dialogs, chooseProjectFolder: async () => dir } })
  })
  afterEach(async () => {
    await current.app.close()
    await rm(parent, { recursive: true, force: true })
  })
  afterAll(closeBrowser)
  return current
}
