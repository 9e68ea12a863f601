import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createProject, openProjectSession } from '../../../src/main/services/project/open-project'
import { createProjectEncoder } from '../../../src/main/services/project/project-encoder'
import { toStableJson } from '../../../src/main/services/project/stable-json'
import { ProjectSnapshotSchema } from '../../../src/shared/domain/project-snapshot'
import { startMain, type MainUnderTest } from '../../support/main-under-test'
import { completedTake } from '../media/film-fixtures'
import { tempDir, testDeps } from './temp-project'

type Json = Record<string, unknown> & { clips: Record<string, unknown>[]; takes: unknown[] }

/** A value nested `levels` objects deep, `{"shot":{"shot":…{"prompt":"…"}}}`, built without recursion. */
function nested(levels: number, innermost: Record<string, unknown> = { prompt: 'a gull over the harbour' }): Record<string, unknown> {
  let value = innermost
  for (let level = 1; level < levels; level++) value = { shot: value }
  return value
}

/** A finished take of `clipId` whose request snapshot is `request`, as another program might have written it. */
const takeWith = (clipId: unknown, request: unknown) => ({ ...completedTake('take-received', String(clipId), null), request })

/** A saved, closed project whose project.json the test then rewrites like another program would. */
async function savedProject(): Promise<{ dir: string; file: string; json: Json }> {
  const session = await createProject(await tempDir(), 'Received', testDeps())
  await session.close()
  const file = path.join(session.dir, 'project.json')
  return { dir: session.dir, file, json: JSON.parse(await fs.readFile(file, 'utf8')) as Json }
}

/** project.json text with a take whose request is `depth` objects deep, written as text: JSON.stringify recurses. */
const withDeepRequest = (json: Json, depth: number): string =>
  JSON.stringify({ ...json, takes: [takeWith(json.clips[0]!.id, 'DEEP')] }).replace('"DEEP"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)

async function expectRefused(dir: string, message: RegExp) {
  const before = await fs.readFile(path.join(dir, 'project.json'))
  await expect(openProjectSession(dir, testDeps())).rejects.toMatchObject({ error: { code: 'project_corrupt', message: expect.stringMatching(message), hint: expect.any(String) } })
  expect((await fs.readFile(path.join(dir, 'project.json'))).equals(before)).toBe(true)
}

describe('a project.json nested too deeply or too large is refused when opened, with where it is', () => {
  it('a take request nested 100,000 levels deep, before parsing and without overflowing the stack', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(file, withDeepRequest(json, 100_000))
    await expectRefused(dir, /^project\.json is damaged: takes\.0\.request is nested too deeply/)
  })

  it('a take request nested 40 levels deep, by the schema', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(file, withDeepRequest(json, 40))
    await expectRefused(dir, /takes\.0\.request: is nested more than 32 levels deep/)
  })

  it('a field from "a newer version" nested 40 levels deep', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(file, JSON.stringify({ ...json, futureField: nested(40) }))
    await expectRefused(dir, /futureField: is nested more than 32 levels deep/)
  })

  it('a 10 MB prompt', async () => {
    const { dir, file, json } = await savedProject()
    json.clips[0]!.prompt = 'x'.repeat(10 * 1024 * 1024)
    await fs.writeFile(file, JSON.stringify(json))
    await expectRefused(dir, /clips\.0\.prompt/)
  })

  it('a 10 MB text inside a take request', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(file, JSON.stringify({ ...json, takes: [takeWith(json.clips[0]!.id, { prompt: 'x'.repeat(10 * 1024 * 1024) })] }))
    await expectRefused(dir, /takes\.0\.request: has a text longer than 100000 characters/)
  })

  it('a request list of a million entries', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(file, JSON.stringify({ ...json, takes: [takeWith(json.clips[0]!.id, { image_list: new Array(1_000_000).fill(0) })] }))
    await expectRefused(dir, /takes\.0\.request: has more than 10000 entries/)
  })

  it('a project.json over 64 MB, without reading it', async () => {
    const { dir, file } = await savedProject()
    // Sparse: the size says 65 MB, nothing is written.
    await fs.truncate(file, 65 * 1024 * 1024)
    await expect(openProjectSession(dir, testDeps())).rejects.toMatchObject({ error: { message: expect.stringMatching(/project\.json is larger than .*64 MB/) } })
  })

  it('does not offer a project.json.bak that is nested too deeply as the good copy', async () => {
    const { dir, file, json } = await savedProject()
    await fs.writeFile(path.join(dir, 'project.json.bak'), withDeepRequest(json, 100_000))
    await fs.writeFile(file, 'garbage')
    await expect(openProjectSession(dir, testDeps())).rejects.toMatchObject({ error: { code: 'project_corrupt', hint: expect.not.stringContaining('project.json.bak') } })
  })
})

describe('whatever opens can be saved and sent to the window', () => {
  let main: MainUnderTest
  beforeEach(async () => {
    main = await startMain()
  })
  afterEach(() => main.dispose())

  it('a project at the limits: a 32-level request, 100,000-character texts, 10,000-entry lists, a deep unknown field', async () => {
    const { path: dir } = await main.call('project:create', { name: 'At the limits' })
    await main.call('project:close', {})
    const file = path.join(dir, 'project.json')
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as Json
    // 31 objects and, inside the last, a list: 32 levels.
    const request = nested(31, { prompt: 'x'.repeat(100_000), image_list: new Array(10_000).fill('asset:a') })
    json.clips[0]!.prompt = 'y'.repeat(100_000)
    await fs.writeFile(file, JSON.stringify({ ...json, takes: [takeWith(json.clips[0]!.id, request)], futureField: nested(32) }))

    // Sent over IPC: the reply passes the contract's snapshot schema and survives the structured clone Electron makes.
    const opened = await main.call('project:open', { path: dir })
    expect(ProjectSnapshotSchema.parse(structuredClone(opened)).project.takes[0]!.request).toEqual(request)
    expect(opened.project['futureField']).toEqual(nested(32))
    expect(() => createProjectEncoder(dir).encode(opened.project)).not.toThrow()
    expect(toStableJson(opened.project)).toContain('"futureField"')

    await main.call('project:edit', { ops: [{ type: 'renameProject', name: 'Saved again' }] })
    await main.call('project:saveNow', {})
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as Json
    expect(saved['name']).toBe('Saved again')
    expect((saved.takes[0] as { request: unknown }).request).toEqual(request)
    expect(saved['futureField']).toEqual(nested(32))
  })
})
