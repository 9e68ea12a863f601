import type { CaptionLine } from '../domain/caption-line'

export type CaptionTimingIssue = { severity: 'error' | 'warning'; message: string }

/**
 * Whether a line fits its clip of `clipSeconds`, in words for the field beside it. A line that never shows is an
 * error; one that runs past the clip's end shows, cut at the end, which the user should know.
 */
export function captionTimingIssue(line: Pick<CaptionLine, 'startSeconds' | 'endSeconds'>, clipSeconds: number): CaptionTimingIssue | null {
  if (line.endSeconds <= line.startSeconds) return { severity: 'error', message: 'Ends before it starts: it will not show.' }
  if (line.startSeconds >= clipSeconds) return { severity: 'error', message: `Starts after the clip ends (${formatSeconds(clipSeconds)} s): it will not show.` }
  if (line.endSeconds > clipSeconds) return { severity: 'warning', message: `Runs past the clip’s end (${formatSeconds(clipSeconds)} s): it is cut there.` }
  return null
}

/** "2", "1.5", "0.25": seconds as a field shows them, to the millisecond without trailing zeros. */
export const formatSeconds = (seconds: number): string => String(Math.round(seconds * 1000) / 1000)

/** Where a new line goes: after the last one, 2 s long, inside the clip when there is room. */
export function nextCaptionSpan(lines: readonly Pick<CaptionLine, 'endSeconds'>[], clipSeconds: number): { startSeconds: number; endSeconds: number } {
  const after = Math.max(0, ...lines.map((line) => line.endSeconds))
  const startSeconds = after < clipSeconds ? after : Math.max(0, clipSeconds - 2)
  return { startSeconds, endSeconds: Math.min(Math.max(clipSeconds, startSeconds + 0.5), startSeconds + 2) }
}
