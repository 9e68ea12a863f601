import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PROJECT_SCHEMA_VERSION } from '../../../src/shared/domain/project'
import { loadProject } from '../../../src/main/services/project/load-project'
import { migrations, OLDEST_SUPPORTED_VERSION } from '../../../src/main/services/project/migrations'
import { openProjectSession } from '../../../src/main/services/project/open-project'
import { tempDir, testDeps } from './temp-project'

const fixtures = fileURLToPath(new URL('../../fixtures/projects', import.meta.url))

/** Fixtures are copied first: opening a project may write to it, and fixtures must stay as they are. */
async function copyFixture(name: string): Promise<string> {
  const dir = path.join(await tempDir(), name)
  await fs.cp(path.join(fixtures, name), dir, { recursive: true })
  return dir
}

describe('migrations', () => {
  it('has one step for every version from the oldest supported one up to the current one', () => {
    for (let version = OLDEST_SUPPORTED_VERSION; version < PROJECT_SCHEMA_VERSION; version++) {
      expect(migrations.has(version), `migration from version ${version}`).toBe(true)
    }
  })

  it('has a fixture for every old version', async () => {
    const names = await fs.readdir(fixtures)
    for (let version = OLDEST_SUPPORTED_VERSION; version < PROJECT_SCHEMA_VERSION; version++) {
      expect(names.some((name) => name.startsWith(`v${version}-`))).toBe(true)
    }
  })

  it('1 → 2 moves each clip’s takes to the project’s take list, keeping which clip they belong to', async () => {
    const dir = await copyFixture('v1-takes-inside-clips.omniboard')
    const { project, migratedFrom } = await loadProject(dir)
    expect(migratedFrom).toBe(1)
    expect(project.schemaVersion).toBe(PROJECT_SCHEMA_VERSION)
    expect(project.takes.map((take) => [take.id, take.clipId])).toEqual([
      ['take-a1', 'clip-a'],
      ['take-a2', 'clip-a'],
    ])
    expect(project.takes[1]!.files[0]!.fileName).toBe('take-a2-0.mp4')
    expect(project.clips.map((clip) => clip.id)).toEqual(['clip-a', 'clip-b'])
    expect(project.clips[0]).not.toHaveProperty('takes')
    expect(project.clips[0]!.chosenTakeId).toBe('take-a2')
    expect(project['x-custom-note']).toBe('kept across versions')
  })

  it('writes a migrated project in the current format on the next save, keeping unknown fields', async () => {
    const dir = await copyFixture('v1-takes-inside-clips.omniboard')
    const session = await openProjectSession(dir, testDeps())
    session.applyEdits([{ type: 'renameProject', name: 'Now current' }])
    await session.close()
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as Record<string, unknown>
    expect(saved).toMatchObject({ schemaVersion: PROJECT_SCHEMA_VERSION, name: 'Now current', 'x-custom-note': 'kept across versions' })
    expect((saved.takes as unknown[]).length).toBe(2)
    expect((await fs.readFile(path.join(dir, 'project.json.bak'), 'utf8'))).toContain('"schemaVersion": 1')
  })

  it('2 → 3 keeps every clip, element, take and note as it was, and the clips can then carry where they came from in a script', async () => {
    const dir = await copyFixture('v2-before-scripts.omniboard')
    const before = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as Record<string, unknown>
    const { project, migratedFrom } = await loadProject(dir)
    expect(migratedFrom).toBe(2)
    expect(project.schemaVersion).toBe(PROJECT_SCHEMA_VERSION)
    expect({ ...project, schemaVersion: 2 }).toEqual(before)
    const session = await openProjectSession(dir, testDeps())
    const script = { sceneKey: '#12', part: 1, text: 'Élodie climbs.', importedPrompt: '<<<element_1>>> climbs the lighthouse stairs', dialogue: [], changed: null }
    session.applyEdits([{ type: 'updateClip', clipId: 'clip-a', patch: { script } }])
    await session.close()
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as { schemaVersion: number; clips: { script?: unknown }[] }
    expect(saved.schemaVersion).toBe(PROJECT_SCHEMA_VERSION)
    expect(saved.clips[0]!.script).toEqual(script)
  })

  it('3 → 4 keeps everything as it was, and its clips can then carry captions', async () => {
    const dir = await copyFixture('v3-before-omni-paths-and-sound.omniboard')
    const before = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as Record<string, unknown>
    const { project, migratedFrom } = await loadProject(dir)
    expect(migratedFrom).toBe(3)
    expect(project.schemaVersion).toBe(4)
    expect({ ...project, schemaVersion: 3 }).toEqual(before)
    const session = await openProjectSession(dir, testDeps())
    const caption = { id: 'cap-1', text: 'Not tonight.', startSeconds: 0.5, endSeconds: 2, speaker: 'ÉLODIE' }
    session.applyEdits([{ type: 'addCaption', clipId: 'clip-a', caption }])
    await session.close()
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as { schemaVersion: number; clips: { captions?: unknown; script?: unknown }[] }
    expect(saved.schemaVersion).toBe(4)
    expect(saved.clips[0]!.captions).toEqual([caption])
    expect(saved.clips[0]!.script).toEqual((before.clips as { script: unknown }[])[0]!.script)
  })
})
