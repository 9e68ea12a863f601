import { describe, expect, it } from 'vitest'
import { describeUpload, timeLeftWords, uploadTimeLeftMs } from '../../../src/shared/domain/job-progress'

const MB = 1024 * 1024

describe('the words for an upload on its way', () => {
  it('says how much has gone, how fast and about how long the rest takes at that rate', () => {
    expect(describeUpload({ uploadedBytes: 12.4 * MB, uploadTotalBytes: 40 * MB, uploadBytesPerSecond: 0.23 * MB })).toBe('Uploading 12 of 40 MB · 0.2 MB/s · about 2 min left')
    expect(uploadTimeLeftMs({ uploadedBytes: 10 * MB, uploadTotalBytes: 40 * MB, uploadBytesPerSecond: 0.5 * MB })).toBe(60_000)
  })

  it('gives no time left before a rate is measured', () => {
    expect(describeUpload({ uploadedBytes: 0, uploadTotalBytes: 60 * MB })).toBe('Uploading 0.0 of 60 MB')
    expect(uploadTimeLeftMs({ uploadedBytes: 0, uploadTotalBytes: 60 * MB })).toBeNull()
  })

  it('says it waits for the answer once the whole body has gone', () => {
    expect(describeUpload({ uploadedBytes: 60 * MB, uploadTotalBytes: 60 * MB, uploadBytesPerSecond: 0.5 * MB })).toBe("Uploading 60 of 60 MB · waiting for MuleRouter's answer")
  })

  it('rounds the time left to what one can plan by, never to zero', () => {
    expect(timeLeftWords(800)).toBe('about 5 s left')
    expect(timeLeftWords(37_000)).toBe('about 35 s left')
    expect(timeLeftWords(74_000)).toBe('about 1 min 10 s left')
    expect(timeLeftWords(119_000)).toBe('about 2 min left')
    expect(timeLeftWords(14.2 * 60_000)).toBe('about 14 min left')
  })
})
