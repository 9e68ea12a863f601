import { describe, expect, it } from 'vitest'
import { createClip, createElement } from '../../../src/shared/domain/edits'
import { defaultProjectDefaults, PROJECT_SCHEMA_VERSION, type Asset, type Clip, type Project, type Take } from '../../../src/shared/domain/project'
import { isAppErrorException } from '../../../src/shared/errors'
import { clipRequestSnapshot } from '../../../src/shared/takes/clip-request'
import { parseProject } from '../../../src/main/services/project/load-project'
import { createProjectEncoder } from '../../../src/main/services/project/project-encoder'
import { toStableJson } from '../../../src/main/services/project/stable-json'

const DIR = '/projects/Trailer.omniboard'
const hash = (n: number): string => n.toString(16).padStart(64, '0')

const asset = (n: number): Asset => ({
  id: hash(n),
  mime: n % 2 === 0 ? 'image/png' : 'image/jpeg',
  width: 1280,
  height: 720,
  bytes: 50_000 + n,
  originalName: `frame "${n}".png`,
  importedAt: '2026-11-30T10:00:00.000Z',
})

const clip = (n: number): Clip => ({
  ...createClip(defaultProjectDefaults, `clip-${n}`, `Scene ${n}`),
  prompt: `@Element1 walks into the light, take ${n}\nsecond line`,
  firstFrameAssetId: hash(n * 2),
  lastFrameAssetId: hash(n * 2 + 1),
  elementIds: ['el-1'],
})

function take(source: Clip, n: number, project: Pick<Project, 'elements'>): Take {
  return {
    id: `take-${source.id}-${n}`,
    clipId: source.id,
    status: 'processing',
    request: clipRequestSnapshot(source, project),
    taskId: `task-${n}`,
    remoteStatus: 'processing',
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    submittedAt: '2026-11-30T10:00:01.000Z',
    finishedAt: null,
    error: null,
    files: [],
  }
}

function project(clips = 6): Project {
  const elements = [{ ...createElement('el-1', 'Hero'), frontalAssetId: hash(100), referenceAssetIds: [hash(101)] }]
  const made = Array.from({ length: clips }, (_, i) => clip(i + 1))
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    id: 'project-1',
    name: 'Trailer — ünïcode',
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    defaults: defaultProjectDefaults,
    clips: made,
    assets: [...Array.from({ length: clips * 2 + 2 }, (_, i) => asset(i + 2)), asset(100), asset(101)],
    elements,
    takes: made.map((c, i) => take(c, i + 1, { elements })),
    queue: { paused: false },
  }
}

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (isAppErrorException(error)) return `${error.error.code}: ${error.error.message}`
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the save encoder', () => {
  it('writes exactly the bytes of the whole-project stable JSON, edit after edit', () => {
    const encoder = createProjectEncoder(DIR)
    let state = project()
    const expectSame = () => expect(encoder.encode(state).toString('utf8')).toBe(toStableJson(state))
    expectSame()
    // A take moves on (a new object for that take only), a clip is edited, one is added, one removed, lists empty.
    state = { ...state, takes: state.takes.map((t, i) => (i === 2 ? { ...t, status: 'downloading', remoteStatus: 'completed' } : t)) }
    expectSame()
    state = { ...state, clips: state.clips.map((c, i) => (i === 0 ? { ...c, prompt: 'A new prompt with "quotes" and \\ slashes' } : c)) }
    expectSame()
    state = { ...state, clips: [...state.clips.slice(1), clip(40)], name: 'Renamed' }
    expectSame()
    state = { ...state, takes: [], queue: undefined }
    expectSame()
    // What it wrote opens again.
    expect(parseProject(encoder.encode(state), DIR).project).toEqual(JSON.parse(toStableJson(state)))
  })

  it('refuses a new item the way opening the file would, naming where it is', () => {
    const encoder = createProjectEncoder(DIR)
    const good = project()
    encoder.encode(good)
    const broken = { ...good, takes: good.takes.map((t, i) => (i === 4 ? ({ ...t, status: 'exploded' } as unknown as Take) : t)) }
    const message = refusal(() => encoder.encode(broken))
    expect(message).toMatch(/^project_corrupt: project\.json is damaged: takes\.4\.status: /)
    expect(message).toBe(refusal(() => parseProject(Buffer.from(toStableJson(broken)), DIR)))
    // Nothing of the refused item was remembered: it is refused again, and the good state still encodes.
    expect(refusal(() => encoder.encode(broken))).toBe(message)
    expect(encoder.encode(good).toString('utf8')).toBe(toStableJson(good))
  })

  it('refuses a bad field outside the lists, a list over its limit and a missing list', () => {
    const encoder = createProjectEncoder(DIR)
    const good = project(2)
    expect(refusal(() => encoder.encode({ ...good, name: '' }))).toMatch(/damaged: name: /)
    const tooMany = { ...good, elements: Array.from({ length: 5001 }, () => good.elements[0]!) }
    expect(refusal(() => encoder.encode(tooMany))).toMatch(/damaged: elements: more than 5000 items/)
    const noClips = { ...good, clips: undefined } as unknown as Project
    expect(refusal(() => encoder.encode(noClips))).toBe(refusal(() => parseProject(Buffer.from(toStableJson(noClips)), DIR)))
  })

  it('freezes what it has encoded, so an in-place change throws instead of being saved stale', () => {
    const encoder = createProjectEncoder(DIR)
    const state = project(2)
    encoder.encode(state)
    expect(() => {
      ;(state.clips[0] as { prompt: string }).prompt = 'changed in place'
    }).toThrow(TypeError)
    expect(() => {
      ;(state.takes[0]!.files as unknown[]).push({})
    }).toThrow(TypeError)
    // The lists too: each list's bytes are reused while the list is the same object.
    expect(() => state.clips.push(clip(9))).toThrow(TypeError)
  })

  it('encodes a 300-clip project with one changed take without serialising the rest again', () => {
    const encoder = createProjectEncoder(DIR)
    let state = project(300)
    encoder.encode(state)
    const stringify = JSON.stringify
    let calls = 0
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++
      return stringify(...args)
    }) as typeof JSON.stringify
    try {
      state = { ...state, takes: state.takes.map((t, i) => (i === 150 ? { ...t, remoteStatus: 'almost' } : t)) }
      encoder.encode(state)
    } finally {
      JSON.stringify = stringify
    }
    // The changed take, the keys outside the lists and the top-level key names: not 300 clips and 600 assets.
    expect(calls).toBeLessThan(30)
    expect(encoder.encode(state).toString('utf8')).toBe(toStableJson(state))
  })
})
