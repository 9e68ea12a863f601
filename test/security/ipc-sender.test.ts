import { promises as fs } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../src/shared/ipc/contract'
import { sampleFor } from '../faults/support/ipc-samples'
import { OWN_FRAME, startMain, type MainUnderTest } from '../support/main-under-test'

const foreignSenders = [
  { what: 'an iframe inside our own page', sender: { isTopFrame: false, url: OWN_FRAME.url } },
  { what: 'a remote web page', sender: { isTopFrame: true, url: 'https://evil.example/index.html' } },
  { what: 'another local file', sender: { isTopFrame: true, url: 'file:///tmp/downloaded.html' } },
  { what: 'a frame with no URL', sender: { isTopFrame: true, url: '' } },
]

let main: MainUnderTest
beforeAll(async () => {
  main = await startMain()
})
afterAll(() => main.dispose())

describe('the IPC router composed as in the app refuses foreign frames on every channel', () => {
  for (const { what, sender } of foreignSenders) {
    it(`refuses ${what} before any handler runs`, async () => {
      for (const channel of channelNames) {
        const reply = await main.dispatchFrom(sender, channel, sampleFor(channel))
        expect(reply, channel).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
      }
      // Nothing happened: no key stored, no project created, settings untouched.
      expect(await main.call('settings:get', {})).toMatchObject({ hasApiKey: false, maxConcurrentJobs: 3 })
      expect(await fs.readdir(main.documentsDir)).toEqual([])
      expect(await main.call('project:read', {})).toBeNull()
    })
  }
})
