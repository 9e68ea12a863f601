import { describe, expect, it } from 'vitest'
import { createProgressPrinter } from '../../src/cli/progress-printer'
import type { JobProgress } from '../../src/shared/domain/job-progress'
import type { Take } from '../../src/shared/domain/project'

const MB = 1024 * 1024

describe('the terminal while a clip uploads', () => {
  it('prints "Uploading x of y MB · rate · time left" every couple of seconds, not for every chunk', () => {
    let now = 0
    const lines: string[] = []
    const printer = createProgressPrinter(() => 'clip 1', (line) => lines.push(line), () => now)
    printer.takeUpdated({ id: 'take1', status: 'submitting', taskId: null, error: null } as Take)
    const upload = (uploaded: number): JobProgress => ({
      takeId: 'take1',
      clipId: 'clip1',
      status: 'submitting',
      elapsedMs: now,
      estimatedRemainingMs: null,
      downloadedBytes: null,
      totalBytes: null,
      uploadedBytes: uploaded * MB,
      uploadTotalBytes: 60 * MB,
      uploadBytesPerSecond: 1.2 * MB,
    })
    for (let second = 1; second <= 6; second++) {
      now = second * 1000
      printer.progress(upload(second * 1.2))
    }
    expect(lines).toStrictEqual([
      'clip 1: submitting',
      'clip 1: Uploading 2.4 of 60 MB · 1.2 MB/s · about 50 s left',
      'clip 1: Uploading 4.8 of 60 MB · 1.2 MB/s · about 45 s left',
      'clip 1: Uploading 7.2 of 60 MB · 1.2 MB/s · about 45 s left',
    ])
  })
})
