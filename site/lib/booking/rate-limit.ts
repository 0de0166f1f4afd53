/**
 * Fixed-window limits per client address, in memory (one server process). The booking endpoint applies
 * two: one on every POST, generous, that only bounds a script hammering the endpoint, and one on
 * ACCEPTED requests (what reaches the booking office's inbox), so a teacher's typos never use up the
 * allowance. No imports: the production server (server/, plain Node) parses the settings with this module.
 */
export interface RateLimit {
  max: number
  windowMs: number
}

/**
 * `LAOMO_RATE_LIMIT`: accepted requests per client address. A school sends a few (several workers, a
 * second date), and a county's schools often reach us through one NAT address of the education network:
 * 20 schools × 3 requests in the same hour fit. One abuser still adds at most 60 lines an hour to a
 * hand-read inbox, which `npm run inbox` and the Studio's 新申请 list clear.
 */
export const DEFAULT_ACCEPTED_LIMIT: RateLimit = { max: 60, windowMs: 3600_000 }
/**
 * `LAOMO_ATTEMPT_LIMIT`: every POST per client address, valid or not. Half a request a second over ten
 * minutes: far beyond a staff room correcting typos, but a script posting junk is refused early.
 */
export const DEFAULT_ATTEMPT_LIMIT: RateLimit = { max: 300, windowMs: 600_000 }
/**
 * `LAOMO_LOOKUP_LIMIT`: status lookups (/schools/request/) per client address. A school checks a few
 * times; a county's schools behind one address fit in 30 per ten minutes. A guesser gets 4,320 tries a
 * day against 810,000 references a day × 10,000 phone endings.
 */
export const DEFAULT_LOOKUP_LIMIT: RateLimit = { max: 30, windowMs: 600_000 }

/**
 * `20/600` → 20 per 600 seconds. Unset or empty → `fallback`; anything else that is not two positive
 * integers throws, so a typo fails at start-up instead of silently meaning the default.
 */
export function parseRateLimit(value: string | undefined, fallback: RateLimit): RateLimit {
  if (value === undefined || value.trim() === '') return fallback
  const match = value.trim().match(/^(\d{1,9})\/(\d{1,9})$/)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`must be "<max>/<seconds>" with positive whole numbers, e.g. "60/3600"; got "${value}"`)
  }
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 }
}

export interface Limiter {
  /** Takes one unit for `client`: 0 when allowed, else the seconds until it may try again (nothing taken). */
  take(client: string, now?: number): number
  /** Gives back a unit taken in the current window (a submission that was not stored after all). */
  refund(client: string, now?: number): void
}

/** Above this many tracked clients, expired windows are swept (at most once a second). */
const SWEEP_ABOVE = 10_000

export function createRateLimiter(limit: RateLimit): Limiter {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = 0
  const current = (client: string, now: number) => {
    const w = windows.get(client)
    return w && now - w.start < limit.windowMs ? w : undefined
  }
  return {
    take(client, now = Date.now()) {
      if (windows.size > SWEEP_ABOVE && now - lastSweep > 1000) {
        lastSweep = now
        for (const [key, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(key)
      }
      let w = current(client, now)
      if (!w) {
        w = { start: now, count: 0 }
        windows.set(client, w)
      }
      if (w.count >= limit.max) return Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000))
      w.count++
      return 0
    },
    refund(client, now = Date.now()) {
      const w = current(client, now)
      if (w && w.count > 0) w.count--
    },
  }
}
