/**
 * Cooperative scheduling for the map island: long work is cut into short tasks so a phone stays
 * responsive (Lighthouse counts every task over 50 ms, at a 4× CPU slowdown, as blocking).
 */

interface Scheduler {
  yield?: () => Promise<void>
}

/** Lets the browser handle input and render before going on (`scheduler.yield()`, else a new task). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * A yield that lets the browser in only once the work since the last one has taken `budgetMs`:
 * short tasks on a slow phone, no needless waits on a fast computer.
 */
export function budgetedYield(
  budgetMs = 8,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = yieldToMain,
): () => Promise<void> {
  let start = now()
  return async () => {
    if (now() - start < budgetMs) return
    await pause()
    start = now()
  }
}

/** Runs `run` in a new task after the next frame is rendered, so the layout of what was just added is done. */
export function afterNextFrame(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0))
}
