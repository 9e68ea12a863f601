import { describe, expect, it } from 'vitest'
import { partialFileName, partialOwner, takeVideoFileName, titleSlug } from '../../../src/main/services/generation/take-naming'
import { createClip } from '../../../src/shared/domain/create'
import { SafeFileNameSchema, defaultProjectDefaults, type Take } from '../../../src/shared/domain/project'

const take = (id: string, clipId: string): Take => ({
  id,
  clipId,
  status: 'downloading',
  request: {},
  taskId: 'task',
  remoteStatus: null,
  createdAt: '',
  updatedAt: '',
  submittedAt: null,
  finishedAt: null,
  error: null,
  files: [],
})

const clips = ['Opening', 'Gulls', 'Harbour at dawn'].map((title, i) => createClip(defaultProjectDefaults, `clip-${i + 1}`, title))
const takes = [take('t1', 'clip-3'), take('t2', 'clip-1'), take('t3', 'clip-3')]
const project = { clips, takes }

describe('take video file names', () => {
  it('say the clip number, its title and the take number', () => {
    expect(takeVideoFileName(project, takes[2]!, 0, [])).toBe('03-harbour-at-dawn-take2.mp4')
    expect(takeVideoFileName(project, takes[1]!, 0, [])).toBe('01-opening-take1.mp4')
    expect(takeVideoFileName(project, takes[2]!, 1, [])).toBe('03-harbour-at-dawn-take2-v2.mp4')
  })

  it('never reuse a name already in the folder, whatever its case', () => {
    expect(takeVideoFileName(project, takes[2]!, 0, ['03-Harbour-At-Dawn-take2.mp4', '03-harbour-at-dawn-take2-2.mp4'])).toBe('03-harbour-at-dawn-take2-3.mp4')
  })

  it('stay plain, safe file names for any title', () => {
    for (const title of ['', '../../etc/passwd', '  ---  ', 'Café — Nuit étoilée ✨', 'CON', 'a'.repeat(300), '東京の夜']) {
      const named = takeVideoFileName({ clips: [{ ...clips[0]!, title }], takes: [takes[1]!] }, takes[1]!, 0, [])
      expect(SafeFileNameSchema.safeParse(named).success, named).toBe(true)
      expect(named.length).toBeLessThan(80)
    }
    expect(titleSlug('Café — Nuit étoilée ✨')).toBe('cafe-nuit-etoilee')
    expect(titleSlug('東京の夜')).toBe('clip')
  })

  it('name a take of a removed clip plainly', () => {
    expect(takeVideoFileName({ clips: [], takes }, takes[0]!, 0, [])).toBe('00-removed-clip-take1.mp4')
  })

  it('name partial files after the take, so every attempt finds the same one', () => {
    expect(partialFileName('t3', 0)).toBe('t3-0.mp4.part')
    expect(partialFileName('_odd', 1)).toBe('take-_odd-1.mp4.part')
    expect(partialOwner('t3-0.mp4.part', takes)).toEqual({ take: takes[2], index: 0 })
    expect(partialOwner('t9-0.mp4.part', takes)).toBeNull()
    expect(partialOwner('01-opening-take1.mp4', takes)).toBeNull()
  })
})
