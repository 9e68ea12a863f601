/** Lets timers, IPC and I/O run between slices of long CPU work, so the main process keeps answering. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
