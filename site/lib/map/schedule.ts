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

/**
 * Calls `run(i)` for i = 0 … count - 1, giving `breathe` (a `budgetedYield`) its chance every 64
 * calls: reading the clock costs more than one small call.
 */
export async function forEachInSlices(
  count: number,
  run: (i: number) => void,
  breathe: () => Promise<void> = budgetedYield(),
): Promise<void> {
  for (let i = 0; i < count; i++) {
    run(i)
    if ((i & 63) === 63) await breathe()
  }
}

/** The first batch of a draw: small, since code runs slowest before the engine has warmed up. */
export const FIRST_BATCH = 25

/**
 * The size of the next batch, from how long this one took: aimed at `budgetMs`, at most four times
 * larger or smaller than the last, never under 10 items.
 */
export function nextBatchSize(size: number, spentMs: number, budgetMs = 8): number {
  const aimed = spentMs > 0 ? Math.round((size * budgetMs) / spentMs) : size * 4
  return Math.max(10, Math.min(size * 4, Math.max(Math.ceil(size / 4), aimed)))
}
