import type { CutAnimaticEntry, CutPlan, CutShot, CutTakeEntry, TakeMedia } from '../../../src/shared/cut/cut-plan'

export const media = (fileName: string, frames: number, extra: Partial<TakeMedia> = {}): TakeMedia => ({
  fileName, width: 1280, height: 720, frameRate: { num: 24, den: 1 }, frames, durationSeconds: frames / 24, hasAudio: true, audioChannels: 2, audioRate: 48000, videoCodec: 'avc1.64001f', ...extra,
})

const oneShot = (prompt: string, durationSeconds: number): CutShot[] => [{ index: 0, prompt, startSeconds: 0, durationSeconds }]

/**
 * Three clips as planCut lays them out: a multi-shot take with sound (5 s), a clip with no take (4 s hold),
 * a silent take (2.5 s).
 */
export function sampleCut(): CutPlan {
  const harbour: CutTakeEntry = {
    kind: 'take', clipId: 'clip-harbour', clipNumber: 1, title: 'Harbour at dawn', prompt: 'Boats rock in the mist', firstFrameAssetId: null,
    startSeconds: 0, durationSeconds: 5, takeId: 'take-h2', takeNumber: 2, media: media('take-h2-0.mp4', 120),
    shots: [
      { index: 0, prompt: 'Wide: the harbour in mist', startSeconds: 0, durationSeconds: 2 },
      { index: 1, prompt: 'Close: a gull lands, "hungry"', startSeconds: 2, durationSeconds: 3 },
    ],
  }
  const market: CutAnimaticEntry = {
    kind: 'animatic', reason: 'no_take', clipId: 'clip-market', clipNumber: 2, title: 'Market, noon', prompt: 'Crowds & stalls', firstFrameAssetId: null,
    startSeconds: 5, durationSeconds: 4, shots: oneShot('Crowds & stalls', 4),
  }
  const night: CutTakeEntry = {
    kind: 'take', clipId: 'clip-night', clipNumber: 3, title: '', prompt: 'Lanterns <glow>', firstFrameAssetId: null,
    startSeconds: 9, durationSeconds: 2.5, takeId: 'take-n1', takeNumber: 1, media: media('take-n1-0.mp4', 60, { hasAudio: false, audioChannels: 0, audioRate: 0 }), shots: oneShot('Lanterns <glow>', 2.5),
  }
  return { entries: [harbour, market, night], durationSeconds: 11.5 }
}
