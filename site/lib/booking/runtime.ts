/**
 * The booking endpoint's per-process state, read from the server's environment when the first
 * request arrives (never at build time, so no secret is baked into the build output).
 */
import { createRateLimiter, parseRateLimit } from './rate-limit'
import { storeFromEnv, type RequestStore } from './store'

interface Runtime {
  store: RequestStore
  rateLimit: ReturnType<typeof createRateLimiter>
  allowedOrigins: string[]
}

let runtime: Runtime | undefined

export function bookingRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  runtime ??= {
    store: storeFromEnv(env),
    rateLimit: createRateLimiter(parseRateLimit(env.LAOMO_RATE_LIMIT)),
    // The public origin(s) behind a reverse proxy, where the server sees another host.
    allowedOrigins: [env.LAOMO_SITE_URL, ...(env.LAOMO_ALLOWED_ORIGINS ?? '').split(',')]
      .map((o) => o?.trim())
      .filter((o): o is string => !!o)
      .map((o) => new URL(o).origin),
  }
  return runtime
}
