import type { Figure } from './report'

type Goal = Pick<Figure, 'id' | 'area' | 'goal'>

/** Every goal of issue 6 by part, so a part that fails still shows each of its goals as not measured. */
export const goalsByPart: Record<'encode' | 'upload' | 'cli' | 'import' | 'open' | 'save' | 'browser' | 'film' | 'filmscale' | 'cut' | 'queue' | 'feature', Goal[]> = {
  encode: [
    { id: 'encode.ratio', area: 'encode', goal: '≤ 1.3× bare base64' },
    { id: 'encode.rss', area: 'encode', goal: '≤ 0.5× body in peak RSS growth' },
    { id: 'encode.stall', area: 'encode', goal: '≤ 20 ms longest stall' },
  ],
  upload: [
    { id: 'upload.slow', area: 'upload', goal: '60 MB at 0.5 MB/s completes, progress ≥ 1/s' },
    { id: 'upload.progressGap', area: 'upload', goal: '≤ 1 s between progress events, first byte → answer, at 120 KB/s and 0.5 MB/s' },
    { id: 'upload.etaError', area: 'upload', goal: '≤ ±20 % time-left error at 25/50/75 %' },
  ],
  cli: [{ id: 'cli.start', area: 'cli', goal: '≤ 3× node -e 0 for omniboard --help' }],
  open: [{ id: 'open.main', area: 'open', goal: '≤ 300 ms open + validate' }],
  save: [{ id: 'save.median', area: 'save', goal: '≤ 30 ms median save' }],
  browser: [
    { id: 'open.paint', area: 'open', goal: '≤ 1000 ms to full timeline paint' },
    { id: 'open.paint1000', area: 'open', goal: '≤ 1500 ms to timeline paint, 1,000 clips / 3,000 images' },
    { id: 'media.firstFrame', area: 'media', goal: '≤ 150 ms click → first frame of a 50 MB take' },
    { id: 'edit.keystroke', area: 'edit', goal: '≤ 8 ms median per keystroke' },
    { id: 'edit.components', area: 'edit', goal: '≤ 3 timeline components per keystroke' },
    { id: 'drag.fps', area: 'drag', goal: '≥ 55 fps while dragging' },
    { id: 'save.heap', area: 'save', goal: '≤ 250 MB renderer heap' },
    { id: 'save.thumbnails', area: 'save', goal: '0 full-size images decoded' },
  ],
  film: [
    { id: 'export.film', area: 'export', goal: '≤ 2× copying the same bytes' },
    { id: 'export.film.music', area: 'export', goal: '≤ 2× copying the same bytes, with a music lane mixed in' },
  ],
  cut: [
    { id: 'film.boundaryGap', area: 'film', goal: '≤ 1.5 frames between presented frames at a clip boundary' },
    { id: 'film.drift', area: 'film', goal: '≤ 1 frame from the sum of clip durations at the end of the cut' },
  ],
  filmscale: [
    { id: 'film.plan', area: 'export', goal: '≤ 300 ms film plan of 1,500 takes, warm' },
    { id: 'export.film1500', area: 'export', goal: '≤ 1.5× copying the same bytes, 1,500 takes' },
  ],
  queue: [
    { id: 'queue.keystroke', area: 'queue', goal: '≤ 8 ms median per keystroke with 20 jobs running' },
    { id: 'queue.stall', area: 'queue', goal: '≤ 50 ms longest main-process stall with 20 jobs running' },
  ],
  feature: [
    { id: 'save.median3000', area: 'save', goal: '≤ 30 ms median save, 3,000 clips' },
    { id: 'open.paint3000', area: 'open', goal: '≤ 1500 ms to timeline paint, 3,000 clips / 6,000 images / 1,500 takes' },
    { id: 'edit.keystroke3000', area: 'edit', goal: '≤ 8 ms median per keystroke and ≤ 1.2× the 3-clip project, 3,000 clips' },
    { id: 'save.heap3000', area: 'save', goal: '≤ 250 MB renderer heap, 3,000 clips' },
  ],
  import: [
    { id: 'import.rate', area: 'import', goal: '≥ 1 phone photo/s imported' },
    { id: 'import.stall', area: 'import', goal: '≤ 50 ms longest stall while importing' },
  ],
}

function declared(id: string): Goal {
  const goal = Object.values(goalsByPart)
    .flat()
    .find((g) => g.id === id)
  if (goal === undefined) throw new Error(`no goal declared for ${id}`)
  return goal
}

/** The goal text of one figure, from the list above. */
export const goalOf = (id: string): string => declared(id).goal
export const areaOf = (id: string): Figure['area'] => declared(id).area
