/**
 * Runs the user's decisions about one take one after another, so two clicks on "Resubmit" cannot both see the
 * take still waiting and both pay. Decisions about different takes do not wait for each other.
 */
export interface TakeDecisions {
  run<T>(takeId: string, decide: () => Promise<T>): Promise<T>
}

export function createTakeDecisions(): TakeDecisions {
  const tails = new Map<string, Promise<unknown>>()
  return {
    run(takeId, decide) {
      const previous = tails.get(takeId) ?? Promise.resolve()
      const next = previous.then(decide, decide)
      const tail = next.catch(() => undefined)
      tails.set(takeId, tail)
      void tail.then(() => {
        if (tails.get(takeId) === tail) tails.delete(takeId)
      })
      return next
    },
  }
}
