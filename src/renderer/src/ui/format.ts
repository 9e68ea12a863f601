/** "just now", "5 min ago", "yesterday", or a date: recent-project lists read at a glance. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return ''
  const minutes = Math.round((now - then) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.round(hours / 24)
  if (days === 1) return 'yesterday'
  if (days < 7) return `${days} days ago`
  return new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

/** "0:07", "1:02": elapsed time in a take row. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** Keeps the end of a long path, where the project's own folder name is: "…/Omniboard/Teaser.omniboard". */
export function shortenPath(path: string, max = 64): string {
  if (path.length <= max) return path
  const parts = path.split(/[\\/]/).filter(Boolean)
  let tail = parts.pop() ?? path
  while (parts.length > 0 && tail.length + parts[parts.length - 1]!.length + 3 <= max) tail = `${parts.pop()}/${tail}`
  return `…/${tail}`
}
