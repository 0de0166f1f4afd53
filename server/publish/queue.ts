/**
 * Builds queued and coalesced: at most one build runs and one waits. Every delivery that arrives while a
 * build runs joins the waiting one, which then covers them all, so a burst of ten publishes costs two
 * builds, not ten, and the last edit is never left out.
 */
export interface BuildQueue<T> {
  /** Adds a delivery; it is covered by the waiting build (started now if nothing runs). */
  add(item: T): void
  /** What runs and what waits, for the status. */
  snapshot(): { running: T[] | null; waiting: T[] }
  /** Resolves once nothing runs and nothing waits. */
  idle(): Promise<void>
}

export function createBuildQueue<T>(run: (batch: T[]) => Promise<void>): BuildQueue<T> {
  let running: T[] | null = null
  let waiting: T[] = []
  const idleWaiters: (() => void)[] = []

  function next() {
    if (running || waiting.length === 0) {
      if (!running) for (const resolve of idleWaiters.splice(0)) resolve()
      return
    }
    const batch = waiting
    waiting = []
    running = batch
    // run() reports its own failures; the queue only guarantees the next batch still runs.
    void run(batch)
      .catch(() => {})
      .finally(() => {
        running = null
        next()
      })
  }

  return {
    add(item) {
      waiting.push(item)
      next()
    },
    snapshot: () => ({ running, waiting: [...waiting] }),
    idle: () =>
      !running && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  }
}
