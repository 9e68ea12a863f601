/** A component React rendered in one commit, placed by its DOM (see page-probe.ts). */
export type Rendered = { name: string; area: string; clip: string | null; host: string | null }
export type Commit = { t: number; key: number; components: Rendered[] }

export const inTimeline = (r: Rendered): boolean => r.area === 'timeline-clip' || r.area === 'timeline'

/** Components per area of the editor, largest first, averaged over `per` keystrokes or commits. */
export function byArea(rendered: readonly Rendered[], per = 1): Record<string, number> {
  const counts = new Map<string, number>()
  for (const r of rendered) {
    const area = r.area === 'timeline-clip' ? 'Timeline clips' : r.area
    counts.set(area, (counts.get(area) ?? 0) + 1)
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([area, n]) => [area, Math.round((n / per) * 10) / 10]))
}

/** The DOM classes that the most-rendered components stand on, a readable stand-in for minified names. */
export function topHosts(rendered: readonly Rendered[], limit = 8, per = 1): Record<string, number> {
  const counts = new Map<string, number>()
  for (const r of rendered) counts.set(r.host ?? '(no DOM)', (counts.get(r.host ?? '(no DOM)') ?? 0) + 1)
  return Object.fromEntries(
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([host, n]) => [host, Math.round((n / per) * 10) / 10]),
  )
}
