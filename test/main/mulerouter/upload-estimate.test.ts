import { describe, expect, it } from 'vitest'
import { SLOWEST_LINK_BYTES_PER_SECOND, createUploadEstimator, drainMs, type UploadEstimate } from '../../../src/main/services/mulerouter/upload-estimate'

const MB = 1_000_000
const PIECE = 65_536
const STEP_MS = 5
const GROWN_AFTER = 0.4 * MB
const WAKE_BYTES = 1.5 * MB

type Report = UploadEstimate & { at: number; trulySent: number; taken: number }
/** `allowanceMs`: what the estimate allows for the drain, asked when the OS has taken the last byte. */
type Run = { reports: Report[]; doneAt: number; allTakenAt: number; allowanceMs: number }

/**
 * A socket as Linux keeps one on a slow link, on a simulated clock: the OS takes pieces into a 3.9 MB buffer
 * at once, the link drains it at `bytesPerSecond`, and a writer blocked on the full buffer is woken only when
 * 1.5 MB fit again (the first time after 0.4 MB, as the OS grows the buffer): what loopback with a slow reader does. The writer hands over 64 KiB pieces as fast
 * as `writerBytesPerSecond` allows; the estimate is read every 250 ms, as the client does.
 */
function simulate(options: {
  body: number
  bytesPerSecond: number
  startBuffer?: number
  writerBytesPerSecond?: number
  outage?: { fromMs: number; toMs: number }
  /** The writer itself hands nothing over for a while (reading the next image on a busy disk). */
  writerPause?: { fromMs: number; toMs: number }
  /** Pieces the writer hands over at once, waiting until the OS has taken them all (the client writes 16). */
  batch?: number
}): Run {
  const { body, bytesPerSecond } = options
  const startBuffer = options.startBuffer ?? 3.9 * MB
  let at = 0
  const estimator = createUploadEstimator(body, () => at)
  let queued = 0
  let trulySent = 0
  let taken = 0
  let handed = 0
  /** Pieces handed over and not yet taken by the OS. */
  const pending: number[] = []
  let blocked = false
  let nextHandAt = 0
  const reports: Report[] = []
  let allTaken: { at: number; allowanceMs: number } | undefined
  while (trulySent < body) {
    const down = options.outage !== undefined && at >= options.outage.fromMs && at < options.outage.toMs
    const drained = down ? 0 : Math.min(queued, (bytesPerSecond * STEP_MS) / 1000)
    queued -= drained
    trulySent += drained
    // As measured on loopback: the first wake-up comes once 0.4 MB has gone (the OS grew its buffers), and every
    // later one when the same level is reached again, letting in 1.5 MB.
    const grown = trulySent >= GROWN_AFTER
    const capacity = grown ? startBuffer - GROWN_AFTER + WAKE_BYTES : startBuffer
    if (blocked && grown && capacity - queued >= WAKE_BYTES) blocked = false
    const writerPaused = options.writerPause !== undefined && at >= options.writerPause.fromMs && at < options.writerPause.toMs
    while ((handed < body || pending.length > 0) && !blocked && at >= nextHandAt) {
      if (pending.length === 0) {
        if (writerPaused) break
        for (let i = 0; i < (options.batch ?? 1) && handed < body; i++) {
          const piece = Math.min(PIECE, body - handed)
          handed += piece
          pending.push(piece)
          estimator.handed()
        }
      }
      const piece = pending[0]!
      if (queued + piece > capacity) {
        blocked = true
        break
      }
      queued += piece
      taken += piece
      pending.shift()
      estimator.taken(piece)
      if (options.writerBytesPerSecond) nextHandAt = at + (piece / options.writerBytesPerSecond) * 1000
    }
    if (at % 250 === 0) reports.push({ at, trulySent, taken, ...estimator.estimate() })
    if (taken >= body) allTaken ??= { at, allowanceMs: estimator.drainAllowanceMs() }
    at += STEP_MS
  }
  return { reports, doneAt: at, allTakenAt: allTaken!.at, allowanceMs: allTaken!.allowanceMs }
}

const firstAt = (run: Run, fraction: number, body: number): Report => run.reports.find((r) => r.sentBytes >= fraction * body)!
const timeLeftMs = (r: Report, body: number): number => ((body - r.sentBytes) / r.bytesPerSecond!) * 1000

describe('what an upload shows over a slow link whose OS buffers megabytes', () => {
  for (const [label, bytesPerSecond, body] of [
    ['0.5 MB/s', 0.5 * MB, 30 * MB],
    ['120 KB/s', 0.12 * MB, 12 * MB],
  ] as const) {
    it(`at ${label} shows bytes that have left, not bytes the OS took, within a second's worth`, () => {
      const run = simulate({ body, bytesPerSecond })
      const measured = run.reports.filter((r) => r.bytesPerSecond !== undefined)
      expect(measured.length).toBeGreaterThan(0)
      for (const r of run.reports) {
        expect(r.sentBytes).toBeLessThanOrEqual(r.taken)
        // Never ahead of the truth by more than a second of the link; where it is behind, only before the first measurement.
        expect(r.sentBytes - r.trulySent).toBeLessThanOrEqual(bytesPerSecond)
      }
      for (const r of measured) expect(Math.abs(r.sentBytes - r.trulySent)).toBeLessThanOrEqual(bytesPerSecond)
    })

    it(`at ${label} moves every second from the first measurement to the end, including while the OS drains the last megabytes`, () => {
      const run = simulate({ body, bytesPerSecond })
      const from = run.reports.findIndex((r) => r.bytesPerSecond !== undefined)
      const lastTakenAt = run.reports.find((r) => r.taken >= body)!.at
      const moving = run.reports.slice(from).filter((r) => r.sentBytes < body)
      expect(moving.at(-1)!.at).toBeGreaterThan(lastTakenAt + 5_000)
      for (let i = 4; i < moving.length; i++) expect(moving[i]!.sentBytes).toBeGreaterThan(moving[i - 4]!.sentBytes)
    })

    it(`at ${label} says, once the OS has taken the last byte, how long what it holds needs to leave, within a fifth`, () => {
      const run = simulate({ body, bytesPerSecond })
      const allTaken = run.reports.find((r) => r.taken >= body)!
      const real = run.doneAt - allTaken.at
      // Megabytes are still on their way: this is what the client waits out before calling a silent server idle.
      expect(real).toBeGreaterThan(5_000)
      expect(Math.abs(drainMs(allTaken, body) - real) / real).toBeLessThanOrEqual(0.2)
    })

    for (const batch of [1, 16]) {
      it(`at ${label} gives a time left at 25, 50 and 75 % within a fifth of the real remaining time, ${batch} piece(s) handed at once`, () => {
        const run = simulate({ body, bytesPerSecond, batch })
        for (const fraction of [0.25, 0.5, 0.75]) {
          const r = firstAt(run, fraction, body)
          const real = run.doneAt - r.at
          expect(Math.abs(timeLeftMs(r, body) - real) / real).toBeLessThanOrEqual(0.2)
        }
      })
    }
  }

  it('stops within a wake-up of the OS when the link stops, and goes on when it comes back', () => {
    const run = simulate({ body: 20 * MB, bytesPerSecond: 0.5 * MB, outage: { fromMs: 20_000, toMs: 50_000 } })
    const during = run.reports.filter((r) => r.at >= 20_000 && r.at < 50_000)
    const stuck = during.at(-1)!
    // The OS lets the writer in every 1.5 MB: no more than that can be claimed while nothing moves.
    expect(stuck.sentBytes - stuck.trulySent).toBeLessThanOrEqual(1.5 * MB)
    expect(stuck.sentBytes).toBe(during.find((r) => r.at >= 30_000)!.sentBytes)
    expect(run.reports.at(-1)!.sentBytes).toBeGreaterThan(19 * MB)
  })

  it('does not take a pause of the writer (no write waiting) for a link that keeps up', () => {
    const run = simulate({ body: 20 * MB, bytesPerSecond: 0.5 * MB, writerPause: { fromMs: 20_000, toMs: 26_000 } })
    for (const r of run.reports) expect(r.sentBytes - r.trulySent).toBeLessThanOrEqual(0.5 * MB)
    for (const r of run.reports.filter((r) => r.bytesPerSecond !== undefined)) expect(r.bytesPerSecond! / MB).toBeCloseTo(0.5, 1)
  })

  it('never goes back, and ends at the whole body', () => {
    const run = simulate({ body: 10 * MB, bytesPerSecond: 0.5 * MB })
    for (let i = 1; i < run.reports.length; i++) expect(run.reports[i]!.sentBytes).toBeGreaterThanOrEqual(run.reports[i - 1]!.sentBytes)
    expect(run.reports.at(-1)!.sentBytes).toBeGreaterThan(9.5 * MB)
  })

  it('shows what the OS took when it keeps up with the writer (a fast link), with the rate it moves at', () => {
    const run = simulate({ body: 20 * MB, bytesPerSecond: 50 * MB, writerBytesPerSecond: 8 * MB })
    const late = run.reports.filter((r) => r.at >= 1500)
    expect(late.length).toBeGreaterThan(0)
    for (const r of late) {
      expect(r.sentBytes).toBe(r.taken)
      // The rate the bytes really go at (the writer's, on this simulated clock's 5 ms steps).
      expect(r.bytesPerSecond! / MB).toBeCloseTo((late.at(-1)!.trulySent - late[0]!.trulySent) / (late.at(-1)!.at - late[0]!.at) / 1000, 0)
    }
  })

  it('expects no backlog where no rate has been measured, or all has left', () => {
    expect(drainMs({ sentBytes: 0 }, 10 * MB)).toBe(0)
    expect(drainMs({ sentBytes: 10 * MB, bytesPerSecond: 0.5 * MB }, 10 * MB)).toBe(0)
  })

  it('allows, once the OS has taken the last byte, more time than what it holds needs to leave at a measured rate', () => {
    for (const [bytesPerSecond, body] of [[0.5 * MB, 30 * MB], [0.12 * MB, 12 * MB]]) {
      const run = simulate({ body: body!, bytesPerSecond: bytesPerSecond! })
      expect(run.allowanceMs).toBeGreaterThan(run.doneAt - run.allTakenAt)
    }
  })

  for (const [label, body] of [
    ['a 3 MB body the OS took at once', 3 * MB],
    ['a 5 MB body the OS held back only once', 5 * MB],
  ] as const) {
    it(`allows ${label}, with no rate measured, the time it needs to leave at the slowest link supported`, () => {
      const slowest = simulate({ body, bytesPerSecond: SLOWEST_LINK_BYTES_PER_SECOND })
      expect(slowest.reports.every((r) => r.sentBytes === body || r.bytesPerSecond === undefined)).toBe(true)
      // Within the simulated clock's steps: the idle timeout, which starts after it, covers the answer.
      expect(slowest.allowanceMs).toBeGreaterThanOrEqual(slowest.doneAt - slowest.allTakenAt - 2 * STEP_MS)
      // At 40 KB/s too: the drain alone is longer than the 60 s default idle timeout.
      const slow = simulate({ body, bytesPerSecond: 40_000 })
      expect(slow.doneAt - slow.allTakenAt).toBeGreaterThan(60_000)
      expect(slow.allowanceMs).toBeGreaterThan(slow.doneAt - slow.allTakenAt)
    })
  }

  it('allows a large body the OS took without pushing back only seconds: a buffer cannot hold it, so the link kept up', () => {
    const run = simulate({ body: 20 * MB, bytesPerSecond: 50 * MB, writerBytesPerSecond: 8 * MB })
    expect(run.allowanceMs).toBeLessThan(5_000)
  })

  it('claims nothing while the first megabytes sit in the OS and no rate has been measured', () => {
    const run = simulate({ body: 12 * MB, bytesPerSecond: 0.12 * MB })
    const early = run.reports.filter((r) => r.bytesPerSecond === undefined)
    expect(early.length).toBeGreaterThan(10)
    for (const r of early) expect(r.sentBytes).toBe(0)
  })
})
