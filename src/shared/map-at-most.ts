/**
 * `items.map(work)` with at most `limit` calls in flight, answered in the items' order. Reading a thousand files
 * one after another waits on each in turn, and all at once opens a thousand descriptors; a few at a time keeps the
 * disk and the thread pool busy within both. After a failure no further item starts, and the failure is the answer.
 */
export async function mapAtMost<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index]!, index)
      } catch (cause) {
        failed = true
        throw cause
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
