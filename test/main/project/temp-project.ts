import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import type { SessionDeps } from '../../../src/main/services/project/file-project-session'

const made: string[] = []

/** A fresh folder under the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omniboard-test-'))
  made.push(dir)
  return dir
}

afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true })
})

export const testDeps = (extra: Partial<SessionDeps> = {}): SessionDeps => ({
  now: () => new Date(),
  newId: () => randomUUID(),
  autosaveDelayMs: 20,
  ...extra,
})

/** Every file in a folder with its bytes, so a test can assert that nothing at all changed. */
export async function snapshotFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), (await fs.readFile(full)).toString('base64'))
  }
  return files
}

export const readJson = async (file: string): Promise<Record<string, unknown>> => JSON.parse(await fs.readFile(file, 'utf8'))
