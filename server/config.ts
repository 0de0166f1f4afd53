/**
 * The production server's settings, all read and checked once at start-up: a bad value stops the
 * server with a message naming the variable, instead of failing every request later.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DEFAULT_ACCEPTED_LIMIT,
  DEFAULT_ATTEMPT_LIMIT,
  DEFAULT_LOOKUP_LIMIT,
  parseRateLimit,
  type RateLimit,
} from '../site/lib/booking/rate-limit.ts'
import { parseTrustedProxies, type TrustedProxies } from './proxy.ts'

export interface ServerConfig {
  host: string
  port: number
  /** The build: `<outDir>/client` (static files) and `<outDir>/server/entry.mjs` (the endpoint). */
  outDir: string
  /** Origins allowed to post besides the request's own: LAOMO_SITE_URL and LAOMO_ALLOWED_ORIGINS. */
  allowedOrigins: string[]
  trustedProxies: TrustedProxies
  acceptedLimit: RateLimit
  attemptLimit: RateLimit
  lookupLimit: RateLimit
  /** The preview server the embedded Studio frames (SANITY_STUDIO_PREVIEW_URL): its CSP frame-src. */
  previewOrigins: string[]
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.problems = problems
  }
}

/** The repository (with a trailing slash): builds, releases and previews live inside it. */
export const REPO = fileURLToPath(new URL('..', import.meta.url))

/** An origin as a browser sends it: scheme and host (and port), nothing else. */
export function parseOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`"${value}" is not an origin: write it with its scheme, e.g. https://laomo.example.org`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${value}" is not an http(s) origin`)
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new Error(`"${value}" is more than an origin: leave out the path, e.g. ${url.origin}`)
  }
  return url.origin
}

/** A comma-separated list of origins; each bad one is a problem naming `name`, so all are told at once. */
export function parseOrigins(name: string, value: string, problems: string[]): string[] {
  const origins: string[] = []
  for (const item of value.split(',').map((o) => o.trim()))
    if (item)
      try {
        origins.push(parseOrigin(item))
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`)
      }
  return origins
}

/** LAOMO_STUDIO_ORIGINS: the Studio's origins, which read the publish status and frame the preview. */
export function parseStudioOrigins(env: NodeJS.ProcessEnv, problems: string[]): string[] {
  return parseOrigins('LAOMO_STUDIO_ORIGINS', env.LAOMO_STUDIO_ORIGINS ?? 'http://localhost:3333', problems)
}

/**
 * The preview server the Studio was built to frame: the same SANITY_STUDIO_PREVIEW_URL as the Studio's
 * build. An unreadable value adds none: the Studio then frames only the site itself.
 */
export function parsePreviewOrigins(env: NodeJS.ProcessEnv): string[] {
  try {
    return [new URL(env.SANITY_STUDIO_PREVIEW_URL || 'http://localhost:4323').origin]
  } catch {
    return []
  }
}

export function parseConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const problems: string[] = []
  /** Runs `parse`, turning its error into a problem that names `name`. */
  const read = <T>(name: string, parse: () => T, fallback: T): T => {
    try {
      return parse()
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
      return fallback
    }
  }

  const port = read(
    'PORT',
    () => {
      const value = env.PORT?.trim() || '4321'
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new Error(`"${env.PORT}" is not a port number`)
      return Number(value)
    },
    0,
  )
  const allowedOrigins = [
    ...(env.LAOMO_SITE_URL?.trim() ? [read('LAOMO_SITE_URL', () => parseOrigin(env.LAOMO_SITE_URL!.trim()), '')] : []),
    ...parseOrigins('LAOMO_ALLOWED_ORIGINS', env.LAOMO_ALLOWED_ORIGINS ?? '', problems),
  ].filter(Boolean)

  const outDir = path.resolve(REPO, env.LAOMO_OUT_DIR?.trim() || 'dist')
  const entry = path.join(outDir, 'server', 'entry.mjs')
  if (!existsSync(entry)) problems.push(`LAOMO_OUT_DIR: ${entry} is missing: run \`npm run build\` first`)

  const config: ServerConfig = {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    outDir,
    allowedOrigins: [...new Set(allowedOrigins)],
    trustedProxies: read('LAOMO_TRUSTED_PROXIES', () => parseTrustedProxies(env.LAOMO_TRUSTED_PROXIES), {
      has: () => false,
      description: 'none',
    }),
    acceptedLimit: read(
      'LAOMO_RATE_LIMIT',
      () => parseRateLimit(env.LAOMO_RATE_LIMIT, DEFAULT_ACCEPTED_LIMIT),
      DEFAULT_ACCEPTED_LIMIT,
    ),
    attemptLimit: read(
      'LAOMO_ATTEMPT_LIMIT',
      () => parseRateLimit(env.LAOMO_ATTEMPT_LIMIT, DEFAULT_ATTEMPT_LIMIT),
      DEFAULT_ATTEMPT_LIMIT,
    ),
    lookupLimit: read(
      'LAOMO_LOOKUP_LIMIT',
      () => parseRateLimit(env.LAOMO_LOOKUP_LIMIT, DEFAULT_LOOKUP_LIMIT),
      DEFAULT_LOOKUP_LIMIT,
    ),
    previewOrigins: parsePreviewOrigins(env),
  }
  if (problems.length) throw new ConfigError(problems)
  return config
}
