import { SOCKET_BUFFER_BYTES, STALL_MS } from './upload-estimate'

/**
 * When the next piece of a body may be handed to the socket. Pieces go one at a time until the OS has taken more
 * than a socket buffer without holding one back (a link that keeps up), and for good once it holds one back (a
 * slow link). Handed over together, Node passes them to the OS as one write whose pieces all complete at once, and
 * the upload estimate, which learns the link from when the OS takes what, would see megabytes move in one step —
 * at the start of a slow upload, its first rate.
 */
export interface WritePacing {
  /** A piece was handed to the socket. */
  handed(): void
  /** The OS took the oldest piece still waiting, `heldMs` after it was handed. */
  taken(bytes: number, heldMs: number): void
  /** Whether another piece may be handed now. */
  mayHand(): boolean
}

export function createWritePacing(): WritePacing {
  let waiting = 0
  let takenBytes = 0
  let slowLink = false
  return {
    handed() {
      waiting++
    },
    taken(bytes, heldMs) {
      waiting--
      takenBytes += bytes
      if (heldMs >= STALL_MS) slowLink = true
    },
    mayHand() {
      const onePieceAtATime = slowLink || takenBytes < SOCKET_BUFFER_BYTES
      return waiting === 0 || !onePieceAtATime
    },
  }
}
