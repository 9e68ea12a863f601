import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { benchEncode } from './encode'
import { benchUpload } from './upload'
import { benchCliStart } from './cli-start'
import { benchImport } from './import'
import { benchOpen } from './open'
import { benchSave } from './save'
import { benchBrowser } from './browser'
import { benchFilm } from './film'
import { benchFilmScale } from './film-scale'
import { benchQueue } from './queue'
import { benchFilmCut } from './film-cut'
import { benchFeature } from './feature'
import { writeStoryboard } from './fixtures/storyboard-project'
import { goalsByPart } from './lib/goals'
import { describeMachine } from './lib/machine'
import { describeSource } from './lib/source'
import { formatTable, notMeasured, type Figure } from './lib/report'
import { chromiumPath } from '../test/e2e/harness'

/**
 * `npm run bench [-- --strict] [--only=encode,cli,upload,import,open,save,browser,film,filmscale,queue,cut,feature] [--build]`: prints every goal with its measured
 * figure and writes bench/results.json. Exits non-zero only with --strict and a missed or unmeasured goal.
 */
const args = process.argv.slice(2)
const strict = args.includes('--strict')
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',')
const wants = (part: string) => only === undefined || only.includes(part)
const log = (line: string) => console.error(`[bench] ${line}`)

const started = performance.now()
const machine = describeMachine(chromiumPath)
const source = describeSource()
const { cpus, cpuModel, memoryTotal, node, chromium, loadAverage1m } = machine
log(`${cpus} CPUs (${cpuModel}), ${memoryTotal} RAM, Node ${node}, ${chromium ?? 'no Chromium'}, load ${loadAverage1m}`)
const figures: Figure[] = []

async function part(name: keyof typeof goalsByPart, work: () => Promise<Figure[]>): Promise<void> {
  if (!wants(name)) return
  try {
    figures.push(...(await work()))
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    for (const goal of goalsByPart[name]) figures.push(notMeasured({ ...goal, unit: '', method: name }, `failed: ${String(error)}`))
  }
}

await part('encode', () => benchEncode(log))
await part('cli', () => benchCliStart(log))
await part('upload', () => benchUpload(log))
await part('film', () => benchFilm(log))
await part('filmscale', () => benchFilmScale(log))
await part('import', () => benchImport(log))
if (wants('open') || wants('save') || wants('browser')) {
  log('writing the 300-clip, 1,000-image project…')
  const storyboard = await writeStoryboard()
  try {
    await part('open', async () => [await benchOpen(storyboard, log)])
    await part('save', async () => [await benchSave(storyboard, log)])
    await part('browser', () => benchBrowser(storyboard, log, { rebuild: args.includes('--build') }))
  } finally {
    await storyboard.dispose()
  }
}
// After the browser part, which has rebuilt out/ already when asked to.
await part('queue', () => benchQueue(log, { rebuild: args.includes('--build') && !wants('browser') }))
await part('cut', () => benchFilmCut(log, { rebuild: args.includes('--build') && !wants('browser') && !wants('queue') }))
await part('feature', () => benchFeature(log, { rebuild: args.includes('--build') && !wants('browser') && !wants('queue') }))

const order: Figure['area'][] = ['encode', 'upload', 'cli', 'import', 'open', 'edit', 'drag', 'media', 'save', 'export', 'film', 'queue']
figures.sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area))
console.log(formatTable(figures))
const resultsPath = join(import.meta.dirname, 'results.json')
await writeFile(
  resultsPath,
  `${JSON.stringify({ machine, source, strict, durationSeconds: Math.round((performance.now() - started) / 1000), figures }, null, 2)}\n`,
)
log(`wrote ${resultsPath} in ${Math.round((performance.now() - started) / 1000)} s`)
const missed = figures.filter((f) => f.pass !== true)
if (strict && missed.length > 0) {
  log(`--strict: ${missed.length} goal(s) missed or not measured: ${missed.map((f) => f.id).join(', ')}`)
  process.exit(1)
}
process.exit(0)
