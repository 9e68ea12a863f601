import { describe, expect, it } from 'vitest'
import { estimateClipsCost } from '../../../src/shared/domain/cost'
import { createElement, createShot } from '../../../src/shared/domain/create'
import { defaultProjectDefaults, type Clip, type Take } from '../../../src/shared/domain/project'
import { parseCsv } from '../../../src/shared/interchange/csv'
import { importShotListCsv, type ShotListContext } from '../../../src/shared/interchange/shot-list-import'
import { writeShotListCsv } from '../../../src/shared/interchange/shot-list-csv'
import { defaultSettings } from '../../../src/shared/settings'
import { asset, clip, multiShotClip } from '../domain/fixtures'

const prices = defaultSettings('/tmp').prices
const dawn = asset({ originalName: 'dawn, harbour.png' })
const dusk = asset({ originalName: 'dusk.jpg', mime: 'image/jpeg' })
const elements = [createElement('el-gull', 'Gull'), createElement('el-ana', 'Ana "the captain"')]
const take: Take = {
  id: 'take-1', clipId: 'c1', status: 'completed', request: {}, taskId: 't', remoteStatus: null, createdAt: '', updatedAt: '', submittedAt: null, finishedAt: null, error: null,
  files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: 'take-1-0.mp4', bytes: 10 }],
}

function storyboard(): Clip[] {
  return [
    clip('c1', {
      title: 'Harbour at dawn', prompt: 'A gull, <<<element_1>>>, lands — "slowly"\nthen lifts off', negativePrompt: 'blur, text', mode: 'std', aspectRatio: '9:16',
      sound: 'on', duration: 7, firstFrameAssetId: dawn.id, lastFrameAssetId: dusk.id, elementIds: ['el-gull', 'el-ana'], chosenTakeId: 'take-1',
    }),
    multiShotClip('c2', [2, 3, 4], { title: 'Market', shots: [createShot('s1', 'Wide, noon', 2), createShot('s2', 'Close: "fish"', 3), createShot('s3', 'Ana waves', 4)] }),
    clip('c3', { title: 'Night', multiShot: true, shotType: 'intelligence', prompt: 'Lanterns drift; the camera decides', duration: 10, aspectRatio: '1:1' }),
  ]
}
const project = () => ({ clips: storyboard(), takes: [take], assets: [dawn, dusk], elements })

let counter = 0
const context = (overrides: Partial<ShotListContext> = {}): ShotListContext => ({ defaults: defaultProjectDefaults, assets: [dawn, dusk], elements, newId: () => `new-${++counter}`, ...overrides })
/** What a user set, without the ids that an import makes fresh (and the take, which stays with its project). */
const content = (c: Clip) => ({ ...c, id: undefined, chosenTakeId: undefined, shots: c.shots.map((s) => ({ ...s, id: undefined })) })
const contentOf = (clips: Clip[]) =>
  clips.map((c) => {
    const shown = content(c)
    // A customize clip sends its shots, not its own prompt, so the shot list carries the first shot's prompt in its place.
    return c.multiShot && c.shotType === 'customize' ? { ...shown, prompt: c.shots[0]?.prompt } : shown
  })

describe('shot list CSV', () => {
  it('writes a UTF-8 spreadsheet with a BOM: one row per shot of a customize clip, one per other clip, take and cost included', () => {
    const csv = writeShotListCsv(project(), prices)
    expect(csv.startsWith('\uFEFFClip,Title,Shot,')).toBe(true)
    const parsed = parseCsv(csv)
    if (!parsed.ok) throw new Error(parsed.message)
    const [header, ...rows] = parsed.rows.filter((row) => row.some((cell) => cell !== ''))
    const at = (row: string[] | undefined, column: string) => row?.[header!.indexOf(column)]
    expect(rows.map((row) => [at(row, 'Clip'), at(row, 'Shot'), at(row, 'Prompt'), at(row, 'Shot duration (s)')])).toEqual([
      ['1', '', 'A gull, <<<element_1>>>, lands — "slowly"\nthen lifts off', '7'],
      ['2', '1', 'Wide, noon', '2'],
      ['2', '2', 'Close: "fish"', '3'],
      ['2', '3', 'Ana waves', '4'],
      ['3', '', 'Lanterns drift; the camera decides', '10'],
    ])
    expect([at(rows[0], 'First frame'), at(rows[0], 'Last frame'), at(rows[0], 'Elements'), at(rows[0], 'Chosen take'), at(rows[0], 'Take file')]).toEqual(['dawn, harbour.png', 'dusk.jpg', 'Gull; Ana "the captain"', '1', 'take-1-0.mp4'])
    const total = rows.reduce((sum, row) => sum + Number(at(row, 'Estimated cost (USD)') || 0), 0)
    expect(total).toBeCloseTo(estimateClipsCost(storyboard(), prices), 6)
  })

  it('round-trips through import: the same clips, prompts, shots, durations and settings, in order', () => {
    const imported = importShotListCsv(writeShotListCsv(project(), prices), context())
    expect(imported.problems).toEqual([])
    expect(contentOf(imported.clips)).toEqual(contentOf(storyboard()))
    expect(imported.clips.every((c) => c.chosenTakeId === null && c.id.startsWith('new-'))).toBe(true)
  })

  it('into a project without those images and elements: reports each unknown name and leaves it empty, never guessing', () => {
    const imported = importShotListCsv(writeShotListCsv(project(), prices), context({ assets: [], elements: [] }))
    expect(imported.clips).toHaveLength(3)
    expect(imported.clips[0]).toMatchObject({ firstFrameAssetId: null, lastFrameAssetId: null, elementIds: [], prompt: storyboard()[0]!.prompt })
    expect(imported.problems.map((p) => [p.row, p.message.split(':')[0]])).toEqual([[2, 'First frame'], [2, 'Last frame'], [2, 'Elements'], [2, 'Elements']])
    expect(imported.problems[0]?.message).toContain('"dawn, harbour.png"')
  })

  it('reports an invalid row with its spreadsheet row number and imports the clips around it', () => {
    const csv = ['Clip,Title,Prompt,Mode,Shot type,Shot duration (s)', '1,Good,"a, b",pro,,', '2,Bad,c,ultra,,', '3,Shots,one,,customize,2', '3,Shots,two,,customize,zero', '4,Also good,d,,,'].join('\n')
    const imported = importShotListCsv(csv, context())
    expect(imported.clips.map((c) => c.title)).toEqual(['Good', 'Also good'])
    expect(imported.problems.map((p) => p.row)).toEqual([3, 5])
    expect(imported.problems[0]?.message).toMatch(/^Mode must be std or pro\. This clip was not imported\.$/)
  })

  it('keeps a prompt that looks like a formula from running in a spreadsheet, and reads it back unchanged', () => {
    const risky = ['=HYPERLINK("https://evil.example","click")', '+1 gull', '-wide shot', '@Ana waves', "'=already quoted"]
    const clips = risky.map((prompt, i) => clip(`r${i}`, { prompt }))
    const csv = writeShotListCsv({ clips, takes: [], assets: [], elements: [] }, prices)
    const cells = csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[5])
    for (const cell of cells) expect(cell?.replace(/^"/, '')).toMatch(/^'/)
    expect(importShotListCsv(csv, context()).clips.map((c) => c.prompt)).toEqual(risky)
  })

  it('refuses a file that is not a shot list, or not CSV, saying why', () => {
    expect(importShotListCsv('name,age\nAna,3\n', context()).problems[0]?.message).toMatch(/no "Prompt" column/)
    expect(importShotListCsv('Prompt\n"never closed\n', context())).toMatchObject({ clips: [], problems: [{ message: expect.stringMatching(/never closed/) }] })
  })
})
