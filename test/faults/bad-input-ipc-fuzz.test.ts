import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { channelNames, contract, type ChannelName } from '../../src/shared/ipc/contract'
import { resultSchema } from '../../src/shared/result'
import { anyPayload, nearMiss, sampleFor } from './support/ipc-samples'
import { expectPlainError, startMain, type MainUnderTest } from '../support/main-under-test'
import { z } from 'zod'

const SEED = 20_260_601
const RUNS_PER_CHANNEL = 100

/**
 * Channels whose handler acts on a path or a folder from the payload. This suite runs as whatever user runs
 * the tests (root in CI containers), so a random payload that happens to be valid is never executed there:
 * creating a project in "/" would really happen (settings:update counts: it sets the folder new projects go to).
 * Their valid behaviour is covered by the other suites.
 */
const actsOnPayloadPaths = new Set<ChannelName>(['project:create', 'project:open', 'assets:importFiles', 'settings:update'])

const ReplySchema = resultSchema(z.unknown()).and(z.object({}).passthrough())

let main: MainUnderTest
let projectFile: string

beforeAll(async () => {
  // No autosave during the run: project.json may change only when a valid request asks it to.
  main = await startMain({ sessionDeps: { now: () => new Date(), newId: () => randomUUID(), autosaveDelayMs: 3_600_000 } })
  const created = await main.call('project:create', { name: 'Fuzzed' })
  projectFile = path.join(created.path, 'project.json')
})
afterAll(() => main.dispose())

const fileHash = async () => createHash('sha256').update(await fs.readFile(projectFile)).digest('hex')

async function checkReply(channel: string, payload: unknown): Promise<void> {
  const schema = Object.hasOwn(contract, channel) ? contract[channel as ChannelName] : null
  const valid = schema !== null && schema.request.safeParse(payload ?? {}).success
  if (valid && actsOnPayloadPaths.has(channel as ChannelName)) return
  const before = valid ? null : await fileHash()
  const reply = await main.dispatch(channel, payload)
  // A well-formed Result, whatever came in: never a throw, never a half-shaped object.
  ReplySchema.parse(reply)
  if (reply.ok) {
    expect(valid).toBe(true)
    schema!.response.parse(reply.value)
    return
  }
  if (!valid) {
    expectPlainError(reply.error, 'invalid_request')
    expect(reply.error.message.length).toBeLessThan(600)
    expect(await fileHash()).toBe(before)
  }
}

describe('malformed IPC payloads, fuzzed against the contract', () => {
  it('has a valid sample payload for every channel, so the fuzzing below starts from real shapes', () => {
    for (const name of channelNames) expect(contract[name].request.safeParse(sampleFor(name)).success, name).toBe(true)
  })

  for (const channel of channelNames) {
    it(`${channel}: every reply is a well-formed Result and every malformed payload is refused as invalid_request`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyPayload, nearMiss(sampleFor(channel))), (payload) => checkReply(channel, payload)),
        { seed: SEED, numRuns: RUNS_PER_CHANNEL },
      )
    })
  }

  it('refuses channel names outside the contract, including prototype keys, as invalid_request', async () => {
    const names = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'project:open ', 'PROJECT:OPEN', 'shell:openExternal'))
    await fc.assert(
      fc.asyncProperty(names, anyPayload, async (name, payload) => {
        fc.pre(!Object.hasOwn(contract, name))
        const reply = await main.dispatch(name, payload)
        expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
      }),
      { seed: SEED, numRuns: 200 },
    )
  })

  it('leaves Object.prototype unpolluted after all of the above', () => {
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
