/**
 * Child process for hostile-project-folders.test.ts: the main process of one Omniboard window (the real
 * composition, `startMain`), driven through its IPC router and media handler exactly as the renderer drives it,
 * through one user's session with a project folder: File → Open…, Play film, every export, "Last frame →",
 * "← First frame" and "Grab frame", a crop of every image, an edit, save, close. Before each step it prints
 * `step <name>`, so a parent that has to kill it knows where it hung; before quitting it writes every reply (large
 * ones summarised) and every canary it found in a reply, an event, a media answer or a printed page to the report.
 */
import { promises as fs } from 'node:fs'
import type { AppError } from '../../src/shared/errors'
import type { Result } from '../../src/shared/result'
import { startMain } from '../support/main-under-test'
import { containsMarker, htmlShowsCanaryImage, markerForms, showsCanaryImage } from './support/canary-detectors'
import type { SessionReport, StepReport } from './support/hostile-run'

const [dir, marker, reportPath] = process.argv.slice(2)
if (dir === undefined || marker === undefined || reportPath === undefined) throw new Error('usage: hostile-project-child <project dir> <marker> <report file>')

type TakeSeen = { id: string; status: string; files: { index: number; fileName: string | null }[] }
type Snapshot = { project: { clips: { id: string }[]; assets: { id: string; width: number; height: number }[]; takes: TakeSeen[] } }

const forms = markerForms(marker)
const report: SessionReport = { steps: [], media: [], leaks: [], untransportable: [] }
const printed: string[] = []
const main = await startMain({
  // What Electron's printToPDF would be given; the "PDF" written is that page, so its pictures can be checked.
  pdfPrinter: { printHtml: async (html) => (printed.push(html), new TextEncoder().encode(html)) },
  dialogs: {
    chooseProjectFolder: async () => dir,
    chooseImages: async () => [],
    askUnsavedChanges: async () => 'save',
    askQueueOnClose: async () => 'close',
    confirmKeyOrigin: async () => false,
    chooseSavePath: async () => null,
  },
})

const say = (line: string): void => void process.stdout.write(`step ${line}\n`)

async function step(name: string, channel: string, payload: unknown): Promise<Result<unknown>> {
  say(name)
  const started = performance.now()
  const reply = await main.dispatch(channel, payload)
  const entry: StepReport = { name, channel, ms: Math.round(performance.now() - started), ok: reply.ok }
  if (reply.ok) entry.value = summary(channel, reply.value)
  else entry.error = reply.error as AppError
  report.steps.push(entry)
  inspect(`reply to ${name}`, reply)
  return reply
}

/** What crosses IPC must survive Electron's structured clone and the harness's JSON, and hold no canary. */
function inspect(where: string, value: unknown): void {
  let text: string | null = null
  try {
    structuredClone(value)
    text = JSON.stringify(value)
  } catch (error) {
    report.untransportable.push(`${where}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (text === null ? stringsOf(value).some((string) => containsMarker(string, forms)) : containsMarker(text, forms)) {
    report.leaks.push(`${where} holds the canary marker`)
  }
}

/** Every string in a value of any depth, walked without recursion. */
function stringsOf(value: unknown): string[] {
  const strings: string[] = []
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const next = stack.pop()
    if (typeof next === 'string') strings.push(next)
    else if (next !== null && typeof next === 'object') for (const [key, child] of Object.entries(next)) stack.push(key, child)
  }
  return strings
}

function summary(channel: string, value: unknown): unknown {
  if (channel === 'project:open') {
    const { project } = value as Snapshot
    return { clips: project.clips.length, takes: project.takes.length, assets: project.assets.length }
  }
  if (channel === 'film:plan') {
    const { entries } = value as { entries: { kind: string; clipNumber: number }[] }
    return { entries: entries.map((entry) => `${entry.clipNumber}:${entry.kind}`) }
  }
  if (channel === 'frames:grab' || channel === 'assets:crop') return { ok: true }
  return value
}

// More than any take or image of the template: reading on past it means reading something endless.
const MAX_MEDIA_BYTES = 32 * 1024 * 1024

/** What the player (a take) or an <img> (asset, thumbnail) gets from the media scheme. */
async function fetchMedia(mediaPath: string, picture: boolean): Promise<void> {
  say(`media ${mediaPath}`)
  const response = await main.media(mediaPath, picture ? {} : { headers: { Range: 'bytes=0-' } })
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
    if (size > MAX_MEDIA_BYTES) {
      await reader.cancel()
      report.leaks.push(`media ${mediaPath} went on past ${MAX_MEDIA_BYTES} bytes`)
      break
    }
  }
  const bytes = Buffer.concat(chunks)
  report.media.push({ path: mediaPath, status: response.status, bytes: size })
  if (containsMarker(bytes, forms)) report.leaks.push(`media ${mediaPath} served the canary marker`)
  if (picture && response.ok && (await showsCanaryImage(bytes))) report.leaks.push(`media ${mediaPath} served the canary picture`)
}

async function session(): Promise<void> {
  const chosen = await step('File → Open… dialog', 'project:chooseToOpen', {})
  const opened = await step('open', 'project:open', { path: (chosen.ok ? (chosen.value as { path: string }).path : null) ?? dir })
  if (!opened.ok) {
    await step('read after a refused open', 'project:read', {})
    return
  }
  const { project } = opened.value as Snapshot
  await step('Play film: the cut', 'film:plan', {})
  for (const take of project.takes) for (const file of take.files) if (file.fileName) await fetchMedia(`take/${take.id}/${file.index}`, false)
  for (const asset of project.assets) {
    await fetchMedia(`thumb/${asset.id}`, true)
    await fetchMedia(`asset/${asset.id}`, true)
  }
  await step('export film', 'film:export', { includeAnimatic: false })
  await step('export film with animatic stills', 'film:export', { includeAnimatic: true })
  for (const format of ['otio', 'fcpxml', 'edl', 'csv', 'pdf']) await step(`export ${format}`, 'export:handoff', { format })
  // Clip 2's take: the hostile one in the take cases, a good one otherwise (clip 1's take decodes the same way).
  const grabbed = project.takes.find((candidate) => candidate.id === 'take-2')
  for (const file of grabbed?.files.filter((candidate) => candidate.fileName) ?? []) {
    await step('Last frame →', 'frames:grab', { takeId: 'take-2', index: file.index, at: { kind: 'last' } })
    await step('← First frame', 'frames:grab', { takeId: 'take-2', index: file.index, at: { kind: 'first' } })
    await step('Grab frame at 0.5 s', 'frames:grab', { takeId: 'take-2', index: file.index, at: { kind: 'time', seconds: 0.5 } })
  }
  for (const asset of project.assets.filter((candidate) => candidate.width >= 576 && candidate.height >= 324)) {
    await step(`crop ${asset.id.slice(0, 8)}`, 'assets:crop', { assetId: asset.id, crop: { x: 0, y: 0, width: 576, height: 324 } })
  }
  const clipId = project.clips[0]?.id
  if (clipId) await step('edit a clip title', 'project:edit', { ops: [{ type: 'updateClip', clipId, patch: { title: 'Harbour at dawn, checked' } }] })
  await step('save', 'project:saveNow', {})
  await step('close', 'project:close', {})
  await step('read after close', 'project:read', {})
}

await session()
inspect('events sent to the window', main.events)
for (const html of printed) {
  if (containsMarker(html, forms)) report.leaks.push('the page given to the PDF printer holds the canary marker')
  if (await htmlShowsCanaryImage(html)) report.leaks.push('the page given to the PDF printer shows the canary picture')
}
await fs.writeFile(reportPath, JSON.stringify(report))
// Quitting closes the project; a main process that cannot quit is killed at the deadline with this as its last step.
say('quit')
await main.prepareToQuit()
await main.dispose()
say('done')
process.exit(0)
