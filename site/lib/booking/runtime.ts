/**
 * What the booking endpoint needs beyond the request.
 *
 * In production the server (server/main.ts) hands it a `BookingContext` per request through
 * `Astro.locals.booking`: the real client address and the request's public origin (from a trusted
 * proxy's forwarded headers), the allowed origins and the two rate limits, all validated when the
 * server starts. Without that server (`astro dev`) the fallback uses the socket's address, the
 * request's own origin and the limits from the environment.
 *
 * The store is read from the server's environment when the first request arrives (never at build
 * time, so no secret is baked into the build output).
 */
import {
  createRateLimiter,
  DEFAULT_ACCEPTED_LIMIT,
  DEFAULT_ATTEMPT_LIMIT,
  DEFAULT_LOOKUP_LIMIT,
  parseRateLimit,
  type Limiter,
} from './rate-limit'
import { storeFromEnv, type RequestStore } from './store'

export interface BookingLimits {
  /** Every POST, valid or not. */
  attempts: Limiter
  /** Requests actually stored. */
  accepted: Limiter
  /** Status lookups (/schools/request/), found or not. */
  lookups: Limiter
}

export interface BookingContext {
  clientAddress: string
  /** null: the forwarded headers made no valid origin (only `allowedOrigins` pass); unset: the request URL's. */
  ownOrigin?: string | null
  /** Origins allowed to post besides the request's own (the public site behind a proxy). */
  allowedOrigins: readonly string[]
  limits: BookingLimits
}

/** The shape of `Astro.locals` the production server fills. */
export interface BookingLocals {
  booking?: BookingContext
}

let store: RequestStore | undefined

export function bookingStore(env: NodeJS.ProcessEnv = process.env): RequestStore {
  store ??= storeFromEnv(env)
  return store
}

let fallbackLimits: BookingLimits | undefined

/** Without the production server in front (`astro dev`). */
export function fallbackContext(clientAddress: string, env: NodeJS.ProcessEnv = process.env): BookingContext {
  fallbackLimits ??= {
    attempts: createRateLimiter(parseRateLimit(env.LAOMO_ATTEMPT_LIMIT, DEFAULT_ATTEMPT_LIMIT)),
    accepted: createRateLimiter(parseRateLimit(env.LAOMO_RATE_LIMIT, DEFAULT_ACCEPTED_LIMIT)),
    lookups: createRateLimiter(parseRateLimit(env.LAOMO_LOOKUP_LIMIT, DEFAULT_LOOKUP_LIMIT)),
  }
  return { clientAddress, allowedOrigins: [], limits: fallbackLimits }
}
