/**
 * All talks' data on demand. The first view of /map/ is drawn from a small file; filtering,
 * zooming past the first view's clusters and growing the list need every talk's points and text,
 * fetched the first time the reader shows an intent to use them (`request`). `need` runs its work
 * after they are in (asking for them). With the full data loaded from the start (an address with
 * filters), it runs at once.
 */
export interface Demand {
  ready: boolean
  need(run: () => void): void
  /** Starts loading, once; resolves when the data is in and applied. */
  request(): Promise<void>
}

export const present: Demand = {
  ready: true,
  need: (run) => run(),
  request: () => Promise.resolve(),
}

/**
 * `load` fetches and applies the data. A failure goes to `failed`; what waited for the data then never
 * runs, and the next request tries again.
 */
export function onDemand(load: () => Promise<void>, failed: (error: unknown) => void): Demand {
  let loading: Promise<void> | undefined
  const demand: Demand = {
    ready: false,
    request: () =>
      (loading ??= load().then(
        () => void (demand.ready = true),
        (error: unknown) => {
          loading = undefined
          failed(error)
          return new Promise<void>(() => undefined)
        },
      )),
    need(run) {
      if (demand.ready) run()
      else void demand.request().then(run)
    },
  }
  return demand
}
