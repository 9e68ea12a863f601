import { copyFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ProjectJson } from './sample-project-app'

const fixture = resolve(import.meta.dirname, '../../fixtures/film/take-180p-sound-a.mp4')

/** Gives the sample project's clip 1 a finished, chosen take whose file is a real 2 s MP4 with sound. */
export async function takeOnClipOne(json: ProjectJson, dir: string): Promise<void> {
  const stamp = new Date().toISOString()
  const clip = json.clips[0]!
  clip['chosenTakeId'] = 'take1'
  json.takes = [{
    id: 'take1', clipId: clip['id'], status: 'completed', request: {}, taskId: 'task-1', remoteStatus: 'completed', createdAt: stamp, updatedAt: stamp,
    submittedAt: stamp, finishedAt: stamp, error: null, files: [{ index: 0, url: 'https://cdn.example/v.mp4', fileName: '01-take1.mp4', bytes: null }],
  }]
  await mkdir(join(dir, 'takes'), { recursive: true })
  await copyFile(fixture, join(dir, 'takes', '01-take1.mp4'))
}
