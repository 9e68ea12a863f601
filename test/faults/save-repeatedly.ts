/**
 * Child process for kill-during-save.test.ts: opens a project and saves it over and over with growing
 * content until it is killed. Prints "saving N" before and "saved N" after each durable save of
 * generation N, so the parent knows what must be on disk.
 */
import { randomUUID } from 'node:crypto'
import { createClip } from '../../src/shared/domain/edits'
import { openProjectSession } from '../../src/main/services/project/open-project'

const dir = process.argv[2]
if (dir === undefined) throw new Error('usage: save-repeatedly.ts <project dir>')

// Waits for the parent's go with its modules already loaded, so the parent can start the next child early.
await new Promise((resolve) => process.stdin.once('data', resolve))
const session = await openProjectSession(dir, { now: () => new Date(), newId: () => randomUUID(), autosaveDelayMs: 60_000 })
let generation = Number(/^gen (\d+)$/.exec(session.project().name)?.[1] ?? 0)
process.stdout.write(`ready ${generation}\n`)

for (;;) {
  generation++
  const clip = { ...createClip(session.project().defaults, `c${generation}`, `gen ${generation}`), prompt: `${generation} `.repeat(400) }
  process.stdout.write(`saving ${generation}\n`)
  session.applyEdits([
    { type: 'renameProject', name: `gen ${generation}` },
    { type: 'addClip', clip },
    // Keeps the file around a few hundred kilobytes, so a save takes long enough to be interrupted.
    ...(session.project().clips.length > 120 ? [{ type: 'removeClip' as const, clipId: session.project().clips[0]!.id }] : []),
  ])
  await session.saveNow()
  process.stdout.write(`saved ${generation}\n`)
}
