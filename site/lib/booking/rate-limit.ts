/** A fixed-window limit per client address, in memory (one server process). */
export interface RateLimit {
  max: number
  windowMs: number
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, windowMs: 10 * 60_000 }

/** `LAOMO_RATE_LIMIT=20/600` → 20 submissions per 600 seconds per client. */
export function parseRateLimit(value: string | undefined): RateLimit {
  const match = value?.match(/^(\d+)\/(\d+)$/)
  if (!match) return DEFAULT_RATE_LIMIT
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 }
}

export function createRateLimiter(limit: RateLimit) {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    /** Counts one attempt; returns 0 when allowed, else the seconds until the client may try again. */
    hit(client: string, now = Date.now()): number {
      if (windows.size > 10_000) {
        for (const [key, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(key)
      }
      let w = windows.get(client)
      if (!w || now - w.start >= limit.windowMs) {
        w = { start: now, count: 0 }
        windows.set(client, w)
      }
      w.count++
      return w.count > limit.max ? Math.ceil((w.start + limit.windowMs - now) / 1000) : 0
    },
  }
}
