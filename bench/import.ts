import { mkdtemp, rm, stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProject, defaultSessionDeps } from '../src/main/services/project'
import { writePhonePhotos } from './fixtures/phone-photos'
import { goalOf } from './lib/goals'
import { figure, type Figure } from './lib/report'
import { trackStalls } from './lib/stall-tracker'
import { round } from './lib/stats'

const PHOTOS = 100

/**
 * 100 phone photos (4032×3024, ~4 MB, EXIF with GPS; half of them sideways with orientation 6) imported through
 * the app's real path — one `importFiles` call, as a drop or the Import… dialog makes — while the event loop is
 * watched: decoding and encoding must stay on sharp's thread pool.
 */
export async function benchImport(log: (line: string) => void): Promise<Figure[]> {
  const root = await mkdtemp(join(tmpdir(), 'omniboard-bench-import-'))
  try {
    log(`import: writing ${PHOTOS} phone-size JPEGs…`)
    const photos = await writePhonePhotos(root, PHOTOS)
    const sourceBytes = (await Promise.all(photos.map((p) => stat(p.path)))).reduce((sum, s) => sum + s.size, 0)
    const session = await createProject(root, 'Import bench', defaultSessionDeps)
    log('import: importing them…')
    const stalls = trackStalls()
    const start = performance.now()
    const outcome = await session.importFiles(photos.map((p) => p.path))
    const seconds = (performance.now() - start) / 1000
    const stall = stalls.stop()
    // The same measure over a window in which this process does nothing: what the machine alone costs.
    const idle = trackStalls()
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const idleStall = idle.stop()
    await session.close()
    if (outcome.rejected.length > 0) throw new Error(`refused: ${outcome.rejected.map((r) => `${r.name}: ${r.error.message}`).join('; ')}`)
    const sideways = photos.filter((p) => p.orientation !== 1).length
    const details = {
      photos: PHOTOS,
      averageSourceMB: round(sourceBytes / PHOTOS / 1e6, 2),
      seconds: round(seconds, 1),
      turnedUpright: sideways,
      metadataStrippedOnly: PHOTOS - sideways,
      // The bench draws 4 distinct exposures; photos with the same pixels and orientation store one asset.
      distinctAssetsStored: outcome.assets.length,
      intervalTrackerMaxGapMs: round(stall.intervalMaxGapMs, 1),
      idleWindowStallMaxMs: round(idleStall.histogramMaxMs, 1),
      loadAverage1m: round(loadavg()[0]!, 1),
    }
    return [
      figure(
        {
          id: 'import.rate',
          area: 'import',
          goal: goalOf('import.rate'),
          measured: round(PHOTOS / seconds, 2),
          unit: 'images/s',
          method: 'one importFiles call with 100 phone JPEGs (sniff, header, pixel limit, orientation, metadata, thumbnail, atomic writes of asset, original and thumbnail, one project save)',
          details,
        },
        { min: 1 },
      ),
      figure(
        {
          id: 'import.stall',
          area: 'import',
          goal: goalOf('import.stall'),
          measured: round(stall.histogramMaxMs, 1),
          unit: 'ms',
          method: 'max of perf_hooks.monitorEventLoopDelay (1 ms resolution) while the 100 photos are imported',
          details,
        },
        { max: 50 },
      ),
    ]
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
