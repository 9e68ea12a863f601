/**
 * Counts renders of timeline items by clip id. Tests read it to prove an edit to one clip leaves the
 * others alone; in the app it is a no-op map increment.
 */
export const timelineRenderCounts = new Map<string, number>()

export function countRender(clipId: string): void {
  timelineRenderCounts.set(clipId, (timelineRenderCounts.get(clipId) ?? 0) + 1)
}
