/**
 * How much of an upload has left the machine. The OS does not say: a write completes when the kernel has taken
 * the bytes into its socket buffer, and on a slow link that buffer holds megabytes (Linux grows it to 4 MB, and
 * wakes a blocked writer only once a third of it has drained), so counting taken bytes jumps by 1.5 MB every few
 * seconds and claims the last megabytes long before they have gone. What a blocked write does tell: between two
 * wake-ups of a writer the OS holds the same amount, so the bytes it took from one wake-up to the next are the
 * bytes that drained meanwhile, and that over the time between is the link's rate. The estimate adds those up and
 * moves on at that rate between wake-ups, never past what the OS has taken; with no wake-ups yet it shows only what
 * it can vouch for.
 */

/** A write the OS has not finished taking after this long found its buffer full. */
export const STALL_MS = 100
/** The rate is taken from wake-ups at least this far apart, when there are some: short spans are noisy. */
const RATE_WINDOW_MS = 10_000
/** The OS taking every write at once for this long means it keeps up: what it took has left. */
const KEEPING_UP_MS = 1_000
/**
 * More than a socket buffer holds (Linux lets one grow past 4 MB, and loopback holds more): an OS that took
 * this much without pushing back has sent most of it, whereas one filling a fresh buffer takes megabytes at once.
 */
export const SOCKET_BUFFER_BYTES = 8 * 1024 * 1024
/** A writer with nothing handed over for longer than this has paused of its own accord. */
const WRITER_GAP_MS = 50
/** The displayed rate, where there are no wake-ups to measure it, is what moved over this window. */
const SHOWN_RATE_WINDOW_MS = 5_000
/**
 * What the OS still holds of a sent body gets this many times its estimated drain time before the idle timeout
 * starts: an estimate off by half must not turn a body on its way into an unknown outcome, and waiting longer for
 * a server that is gone only delays the same unknown outcome.
 */
const DRAIN_MARGIN = 2
/** The slowest uplink we support (a weak mobile signal): slower, a body of a few images takes minutes to leave. */
export const SLOWEST_LINK_BYTES_PER_SECOND = 16 * 1024

export interface UploadEstimate {
  /** Bytes estimated to have left this machine: never more than the OS has taken, never going back. */
  sentBytes: number
  /** The link's rate; absent until something has been measured. */
  bytesPerSecond?: number
}

export interface UploadEstimator {
  /** A piece of the body was handed to the socket. */
  handed(): void
  /** The OS took the oldest piece still waiting (write callbacks come in order). */
  taken(bytes: number): void
  estimate(): UploadEstimate
  /**
   * Once the OS has taken the last byte: how long what it may still hold can take to leave, which the server waits
   * for before it can answer, so silence meanwhile is no sign of a dead server.
   */
  drainAllowanceMs(): number
}

type Mark = { at: number; taken: number }

/**
 * How long what the OS still holds needs to leave at the link's rate: 0 when all of it has gone, or when no rate
 * is known (a body the OS took without ever blocking the writer gives nothing to measure the link by, and
 * `unmeasuredDrainMs` then says how long to allow).
 */
export function drainMs({ sentBytes, bytesPerSecond }: UploadEstimate, totalBytes: number): number {
  if (bytesPerSecond === undefined || bytesPerSecond <= 0) return 0
  return (Math.max(0, totalBytes - sentBytes) / bytesPerSecond) * 1000
}

/**
 * How long a body the OS took whole may need to leave where no link rate was measured (the OS held the writer
 * back too seldom, or never): all of it may still be there, up to a socket buffer, leaving at the slowest link we
 * support — or faster, where a buffer cannot hold what the OS took and the rest must have left within `tookMs`.
 */
export function unmeasuredDrainMs(totalBytes: number, tookMs: number): number {
  const held = Math.min(totalBytes, SOCKET_BUFFER_BYTES)
  const leftAtLeast = ((totalBytes - held) / Math.max(tookMs, 1)) * 1000
  return (held / Math.max(SLOWEST_LINK_BYTES_PER_SECOND, leftAtLeast)) * 1000
}

export function createUploadEstimator(totalBytes: number, now: () => number): UploadEstimator {
  const waiting: number[] = []
  /** Wake-ups of a blocked writer: when, and what the OS had taken before the write it blocked on. */
  const wakeUps: Mark[] = []
  let firstWakeUp: Mark | undefined
  /** What had left by the first wake-up, at the first rate measured (the link busy from the first byte). */
  let sentByFirstWakeUp: number | undefined
  const shown: Mark[] = []
  let startedAt: number | null = null
  /** Since when the writer has written without a pause and the OS has taken every piece at once. */
  let freeSince: number | null = null
  let takenWhenFree = 0
  let lastTakenAt = -Infinity
  let taken = 0
  let sent = 0

  function rateFromWakeUps(): number | undefined {
    const last = wakeUps.at(-1)
    if (last === undefined || wakeUps.length < 2) return undefined
    const from = wakeUps.findLast((mark) => mark.at <= last.at - RATE_WINDOW_MS) ?? wakeUps[0]!
    return (last.taken - from.taken) / ((last.at - from.at) / 1000)
  }

  /**
   * The writer has been handing pieces over without a pause of its own, and the OS has taken each at once, for a
   * while: the OS keeps up with the writing. A pause of the writer's own (reading the next image on a busy disk)
   * proves nothing, since the OS drains meanwhile and then takes a burst at once, so it starts the while again.
   */
  function keepingUp(at: number): boolean {
    const blocked = waiting.length > 0 && at - waiting[0]! >= STALL_MS
    const idle = waiting.length === 0 && at - lastTakenAt > WRITER_GAP_MS
    return taken < totalBytes && !blocked && !idle && freeSince !== null && at - freeSince >= KEEPING_UP_MS && taken - takenWhenFree >= SOCKET_BUFFER_BYTES
  }

  function shownRate(at: number): number | undefined {
    while (shown.length > 2 && at - shown[1]!.at >= SHOWN_RATE_WINDOW_MS) shown.shift()
    const first = shown[0]
    if (first === undefined || at - first.at < 1000) return undefined
    return (sent - first.taken) / ((at - first.at) / 1000)
  }

  /**
   * At every wake-up the OS holds as much as at the first, so what left between two wake-ups is exactly what it
   * took between them: the estimate is that sum, moved on at the measured rate since the last wake-up.
   */
  function sentByRate(at: number, rate: number): number {
    const first = firstWakeUp!
    const last = wakeUps.at(-1)!
    sentByFirstWakeUp ??= rate * ((first.at - (startedAt ?? first.at)) / 1000)
    const moved = sentByFirstWakeUp + (last.taken - first.taken) + rate * ((at - last.at) / 1000)
    // A writer still blocked has not been woken again, so less than it wrote since the last wake-up has gone: a
    // link that stops (an outage) stops the estimate within one wake-up's worth instead of running on at the rate.
    const blocked = waiting.length > 0
    return blocked ? Math.min(moved, sentByFirstWakeUp + (taken - first.taken)) : moved
  }

  const estimator: UploadEstimator = {
    handed() {
      const at = now()
      startedAt ??= at
      if (waiting.length === 0 && at - lastTakenAt > WRITER_GAP_MS) {
        freeSince = at
        takenWhenFree = taken
      }
      waiting.push(at)
    },
    taken(bytes) {
      const at = now()
      const handedAt = waiting.shift() ?? at
      if (at - handedAt >= STALL_MS) {
        // Pieces handed over together and taken in one burst were let in by one wake-up: only the first marks it.
        if (at - lastTakenAt >= STALL_MS) {
          const mark = { at, taken }
          firstWakeUp ??= mark
          wakeUps.push(mark)
        }
        freeSince = at
        takenWhenFree = taken
      }
      taken += bytes
      lastTakenAt = at
      // Only the marks the rate window can still reach are kept.
      while (wakeUps.length > 2 && at - wakeUps[1]!.at >= 2 * RATE_WINDOW_MS) wakeUps.shift()
    },
    estimate() {
      const at = now()
      const rate = rateFromWakeUps()
      const everBlocked = firstWakeUp !== undefined || (waiting.length > 0 && at - waiting[0]! >= STALL_MS)
      // Without a wake-up to measure by, only an OS that never pushed back vouches for what it took.
      const trustTaken = keepingUp(at) || (taken >= totalBytes && !everBlocked)
      let target = sent
      if (trustTaken) target = taken
      else if (rate !== undefined) target = sentByRate(at, rate)
      sent = Math.min(taken, totalBytes, Math.max(sent, target))
      shown.push({ at, taken: sent })
      const bytesPerSecond = trustTaken ? shownRate(at) : rate
      return bytesPerSecond === undefined ? { sentBytes: sent } : { sentBytes: sent, bytesPerSecond }
    },
    drainAllowanceMs() {
      const estimate = estimator.estimate()
      // A rate shown for a body the OS took without pushing back is the writer's, not the link's.
      if (rateFromWakeUps() === undefined) return unmeasuredDrainMs(totalBytes, now() - (startedAt ?? now()))
      return DRAIN_MARGIN * drainMs(estimate, totalBytes)
    },
  }
  return estimator
}
