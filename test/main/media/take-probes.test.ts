import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFilmExporter } from '../../../src/main/services/media/film-exporter'
import type { FilmSource } from '../../../src/main/services/media/export-film'
import { createTakeProbes } from '../../../src/main/services/media/take-probes'
import type { CutPlan } from '../../../src/shared/cut/cut-plan'
import { fixturePath, fixtures } from './film-fixtures'
import { makeFilmProject } from './film-project'

/** A clock a minute ahead: the fixtures were copied a moment ago, and only a file left alone for 2 s is remembered. */
const later = { now: () => Date.now() + 60_000 }

function planner(probes = createTakeProbes(later)) {
  const exporter = createFilmExporter({ now: () => new Date(2026, 2, 4), onProgress: () => undefined, probes })
  return (source: FilmSource) => exporter.plan(source)
}

/** Take files opened while `work` runs (the one door to them is fs.promises.open, through openContained). */
async function takeFilesOpened(source: FilmSource & { takesDir: string }, work: () => Promise<unknown>): Promise<string[]> {
  const open = vi.spyOn(fs, 'open')
  try {
    await work()
    return open.mock.calls.map(([file]) => String(file)).filter((file) => file.startsWith(source.takesDir))
  } finally {
    open.mockRestore()
  }
}

const described = (plan: CutPlan) => plan.entries.map((entry) => (entry.kind === 'take' ? [entry.kind, entry.media.frames, entry.media.hasAudio] : [entry.kind, entry.reason]))

afterEach(() => vi.restoreAllMocks())

describe('the film plan remembers what each take file holds', () => {
  it('plans the cut a second time without opening any take file, and plans the same cut', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.silent }, { take: fixtures.soundB }])
    const plan = planner()
    let first: CutPlan | null = null
    expect(await takeFilesOpened(source, async () => (first = await plan(source)))).toHaveLength(3)

    let second: CutPlan | null = null
    expect(await takeFilesOpened(source, async () => (second = await plan(source)))).toEqual([])
    expect(described(second!)).toEqual([['take', 48, true], ['take', 36, false], ['take', 24, true]])
    expect(second).toEqual(first)
  })

  it('reads a take again when its file was replaced under the same name', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB }])
    const plan = planner()
    await plan(source)
    const replacement = path.join(source.takesDir, 'incoming.mp4')
    await fs.copyFile(fixturePath(fixtures.silent), replacement)
    await fs.rename(replacement, source.takeFilePath('t1-0.mp4'))

    const opened = await takeFilesOpened(source, async () => expect(described(await plan(source))).toEqual([['take', 36, false], ['take', 24, true]]))
    expect(opened.map((file) => path.basename(file))).toEqual(['t1-0.mp4'])
  })

  it('reads a take again when it was rewritten in place with its size and modification time put back', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }, { take: fixtures.soundB }])
    const file = source.takeFilePath('t2-0.mp4')
    // A whole second, which utimes can put back exactly.
    const mtime = new Date('2026-03-01T12:00:00Z')
    await fs.utimes(file, mtime, mtime)
    const plan = planner()
    await plan(source)
    const before = await fs.stat(file)
    const bytes = await fs.readFile(file)
    // Same size, same mtime: only its index is blanked, which a file copied from someone could do on purpose.
    const moov = bytes.indexOf('moov') - 4
    bytes.fill(0, moov + 8, moov + 200)
    await fs.writeFile(file, bytes)
    await fs.utimes(file, before.atime, before.mtime)
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs)

    expect(described(await plan(source))).toEqual([['take', 48, true], ['animatic', 'take_refused']])
  })

  it('does not remember a take written moments before it was read, which could change again within the same timestamp', async () => {
    const source = await makeFilmProject([{ take: fixtures.soundA }])
    const plan = planner(createTakeProbes({ now: Date.now }))
    await plan(source)

    expect(await takeFilesOpened(source, () => plan(source))).toHaveLength(1)
  })
})
