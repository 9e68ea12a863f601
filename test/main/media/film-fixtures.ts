import path from 'node:path'
import type { Take } from '../../../src/shared/domain/project'

export const filmFixtureDir = path.resolve(__dirname, '../../fixtures/film')
export const fixturePath = (fileName: string): string => path.join(filmFixtureDir, fileName)

export const fixtures = {
  soundA: 'take-180p-sound-a.mp4',
  soundB: 'take-180p-sound-b.mp4',
  silent: 'take-180p-silent.mp4',
  wide: 'take-270p-sound.mp4',
} as const

/** A finished take whose video is `fileName` in the project's takes folder. */
export function completedTake(id: string, clipId: string, fileName: string | null, status: Take['status'] = 'completed'): Take {
  return {
    id, clipId, status, request: {}, taskId: `task-${id}`, remoteStatus: 'completed', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    submittedAt: null, finishedAt: null, error: null, files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName, bytes: 1000 }],
  }
}
