/**
 * What the server answers with, besides content: which paths run on demand and with which methods,
 * the security headers on every answer, and how long each answer may be cached. nginx in front
 * (deploy/) must agree with this file; `node server/csp.ts <outDir>` prints the policies for it.
 */
import { BOOKING_ENDPOINT_PATH, FEEDBACK_LINK_ENDPOINT_PATH, FEEDBACK_PATH, REQUEST_STATUS_PATH } from '#domain/paths'

/**
 * The only paths Node renders on demand (the booking endpoint, a request's status, a school's feedback form
 * and the Studio's feedback links); everything else is a file.
 */
export const ON_DEMAND_PATHS: ReadonlySet<string> = new Set([
  BOOKING_ENDPOINT_PATH,
  `${BOOKING_ENDPOINT_PATH}/`,
  REQUEST_STATUS_PATH,
  REQUEST_STATUS_PATH.replace(/\/$/, ''),
  FEEDBACK_PATH,
  FEEDBACK_PATH.replace(/\/$/, ''),
  FEEDBACK_LINK_ENDPOINT_PATH,
])

export function allowedMethods(pathname: string): readonly string[] {
  return ON_DEMAND_PATHS.has(pathname) ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD']
}

export const NO_STORE = 'no-store'
const IMMUTABLE = 'public, max-age=31536000, immutable'
/**
 * Pages and other files at fixed URLs: kept, but checked (a 304 costs one round trip) on every use.
 * A publish replaces pages and deletes the hashed assets and index chunks the old ones named, so a page
 * reused unchecked for even a few minutes could point at files that are gone.
 */
const REVALIDATE = 'public, no-cache'

/**
 * Files named by their content: Astro's `/_astro/` assets, Pagefind's index chunks, fragments and meta (in
 * `/pagefind/` and, for a site whose index is in shards, `/pagefind/shard-<n>/`).
 */
const CONTENT_NAMED =
  /^\/(_astro\/[^/]+|pagefind\/(shard-\d+\/)?(fragment|index|filter)\/[^/]+|pagefind\/(shard-\d+\/)?pagefind\.[^/]+\.pf_meta)$/

export function cacheControlFor(pathname: string): string {
  return CONTENT_NAMED.test(pathname) ? IMMUTABLE : REVALIDATE
}

/** Sources the pages need beyond the site itself, found in the build (server/csp.ts). */
export interface CspSources {
  /** 'sha256-…' of every inline script in the built pages. */
  scriptHashes: readonly string[]
  /** Origins of the map tile provider the build is configured with (img-src). */
  tileOrigins: readonly string[]
  /** The preview server the embedded Studio's 预览 tool frames (frame-src of the Studio only). */
  previewOrigins?: readonly string[]
}

const join = (directives: [string, ...string[]][]) =>
  directives.map(([name, ...sources]) => [name, ...sources].join(' ')).join('; ')

/**
 * The public site: scripts only from the site or by hash (no 'unsafe-inline'); 'wasm-unsafe-eval'
 * for Pagefind's WebAssembly (compiling only, not JavaScript eval). Inline styles stay allowed: Astro
 * inlines small stylesheets, Leaflet and the charts set style attributes, and CSS cannot run code.
 */
export function siteCsp(sources: CspSources): string {
  return join([
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...sources.scriptHashes],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', ...sources.tileOrigins],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ])
}

/**
 * The embedded Studio (/studio/) talks to Sanity's API and CDN, and shows images from anywhere: editors'
 * uploads, their login avatars, and the tiles of whichever provider they pick in the map input.
 */
export function studioCsp(sources: CspSources): string {
  return join([
    ['default-src', "'self'"],
    ['script-src', "'self'", ...sources.scriptHashes],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', 'https:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", 'https://*.sanity.io', 'wss://*.sanity.io', 'https://*.sanity-cdn.com'],
    ['worker-src', "'self'", 'blob:'],
    ['frame-src', "'self'", ...(sources.previewOrigins ?? [])],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ])
}

export interface SecurityPolicies {
  site: string
  studio: string
}

/** Headers on every answer: pages, files, the endpoint, errors and redirects. */
export function securityHeaders(pathname: string, policies: SecurityPolicies): Record<string, string> {
  return {
    'Content-Security-Policy': /^\/studio(\/|$)/.test(pathname) ? policies.studio : policies.site,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // frame-ancestors for browsers that predate it (older in-app browsers are common on phones here).
    'X-Frame-Options': 'DENY',
  }
}
