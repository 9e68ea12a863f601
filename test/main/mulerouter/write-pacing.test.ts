import { describe, expect, it } from 'vitest'
import { SOCKET_BUFFER_BYTES, STALL_MS } from '../../../src/main/services/mulerouter/upload-estimate'
import { createWritePacing, type WritePacing } from '../../../src/main/services/mulerouter/write-pacing'

const PIECE = 1024 * 1024

/** Hands one piece and has the OS take it after `heldMs`; returns whether a second piece could have gone with it. */
function handOne(pacing: WritePacing, heldMs = 0): boolean {
  expect(pacing.mayHand()).toBe(true)
  pacing.handed()
  const couldBatch = pacing.mayHand()
  pacing.taken(PIECE, heldMs)
  return couldBatch
}

/** Pieces taken at once until the OS has taken more than a socket buffer; whether any could go in a batch. */
function fillPastBuffer(pacing: WritePacing): boolean[] {
  const batched: boolean[] = []
  for (let taken = 0; taken <= SOCKET_BUFFER_BYTES; taken += PIECE) batched.push(handOne(pacing))
  return batched
}

describe('when the next piece of a body may be handed to the socket', () => {
  it('hands pieces one at a time from the first byte, so the upload estimate sees when the OS takes each', () => {
    const pacing = createWritePacing()
    pacing.handed()
    expect(pacing.mayHand()).toBe(false)
    pacing.taken(PIECE, 0)
    expect(pacing.mayHand()).toBe(true)
    expect(fillPastBuffer(createWritePacing()).slice(0, -1)).not.toContain(true)
  })

  it('hands pieces in batches once the OS has taken more than a socket buffer without holding one back', () => {
    const pacing = createWritePacing()
    fillPastBuffer(pacing)
    pacing.handed()
    pacing.handed()
    expect(pacing.mayHand()).toBe(true)
  })

  it('goes back to one at a time for good once the OS held a piece back (a slow link), however much it took before', () => {
    const pacing = createWritePacing()
    fillPastBuffer(pacing)
    handOne(pacing, STALL_MS)
    for (let i = 0; i < 20; i++) expect(handOne(pacing)).toBe(false)
  })

  it('stays one at a time on a link that held a piece back before a socket buffer was taken', () => {
    const pacing = createWritePacing()
    handOne(pacing, STALL_MS + 50)
    expect(fillPastBuffer(pacing)).not.toContain(true)
    expect(handOne(pacing)).toBe(false)
  })
})
