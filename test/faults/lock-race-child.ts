/**
 * Child process for lock-race.test.ts: on "go N" it tries to take the project lock and prints "won N" or
 * "locked N"; on "end N" it lets go of a lock it won and prints "ended N". It stays alive in between, so a
 * winner's lock is a live one while the others are still trying.
 */
import { createInterface } from 'node:readline'
import { acquireProjectLock, type ProjectLock } from '../../src/main/services/project/project-lock'
import { isAppErrorException } from '../../src/shared/errors'

const [dir, staleMs] = process.argv.slice(2)
if (dir === undefined || staleMs === undefined) throw new Error('usage: lock-race-child.ts <project dir> <stale ms>')

let held: ProjectLock | null = null
process.stdout.write('ready\n')
for await (const line of createInterface({ input: process.stdin })) {
  const [command, round] = line.split(' ')
  if (command === 'go') {
    try {
      held = await acquireProjectLock(dir, () => new Date(), { staleMs: Number(staleMs) })
      process.stdout.write(`won ${round}\n`)
    } catch (error) {
      process.stdout.write(`${isAppErrorException(error) ? error.error.code : `error ${String(error)}`} ${round}\n`)
    }
  } else if (command === 'end') {
    await held?.release()
    held = null
    process.stdout.write(`ended ${round}\n`)
  }
}
