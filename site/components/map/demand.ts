/**
 * All talks' data on demand. The first view of /map/ is drawn from a small file; filtering,
 * zooming past the first view's clusters and growing the list need every talk's points and text,
 * fetched the first time the reader shows an intent to use them (`request`). `need` runs its work
 * after they are in (asking for them); `after` only waits. With the full data loaded from the start
 * (an address with filters), both run at once.
 */
export interface Demand {
  readonly ready: boolean
  need(run: () => void): void
  after(run: () => void): void
  /** Starts loading, once; resolves when the data is in and applied. */
  request(): Promise<void>
}

export const present: Demand = {
  ready: true,
  need: (run) => run(),
  after: (run) => run(),
  request: () => Promise.resolve(),
}

/** `load` fetches and applies the data; a failure is passed to `failed` and may be retried by the next request. */
export function onDemand(load: () => Promise<void>, failed: (error: unknown) => void): Demand {
  let ready = false
  let loading: Promise<void> | null = null
  let resolve!: () => void
  const done = new Promise<void>((r) => (resolve = r)).then(() => {
    ready = true
  })
  return {
    get ready() {
      return ready
    },
    request() {
      loading ??= load().then(resolve, (error: unknown) => {
        loading = null
        failed(error)
      })
      return done
    },
    need(run) {
      if (ready) run()
      else void this.request().then(run)
    },
    after(run) {
      if (ready) run()
      else void done.then(run)
    },
  }
}
