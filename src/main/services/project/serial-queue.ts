/** Runs tasks one after another, so two saves of the same file never interleave. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    // The next task waits for this one whether it succeeds or fails; the caller still sees the failure.
    this.tail = result.catch(() => undefined)
    return result
  }

  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}
