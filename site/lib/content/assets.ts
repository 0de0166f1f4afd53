/**
 * Sanity mode's images, self-hosted: every image the queries return (`asset->url`) is downloaded at
 * build time into a local cache and handed on as a path relative to the source's `file`, exactly as
 * dataset mode hands on `./images/x.jpg`. Astro's image pipeline then sees local files in both modes,
 * so both produce the same processed images and the same HTML, and nothing is hot-linked.
 *
 * The cache is content-addressed: a file is named after its URL's last segment,
 * `<sha1>-<w>x<h>.<ext>` (also the name `sanity dataset export` gives it), so a rebuild downloads
 * only new images, and an export of the same project builds the same pages in dataset mode.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ContentSource, QueryParams } from './executors'

/** Resolved against the working directory (the project root in a build), like the extracted-dataset cache. */
export const DEFAULT_ASSET_CACHE = 'node_modules/.cache/laomo-sanity-assets'

export interface LocalImagesOptions {
  projectId: string
  dataset: string
  /** Folder of the downloaded files. */
  cacheDir: string
  /** Hosts that serve this project's images besides cdn.sanity.io (a local stand-in of the API). */
  hosts?: string[]
  /** Bearer token for private datasets. */
  token?: string
  concurrency?: number
  /**
   * Where download failures are reported. Not `source.warnings`: the loaders log those once, before
   * the collections' queries have run.
   */
  warn?: (message: string) => void
}

/** Wraps a Sanity source so that its image URLs come back as local files. */
export function withLocalImages(source: ContentSource, options: LocalImagesOptions): ContentSource {
  const { cacheDir, concurrency = 8, warn = (message) => console.warn(`[laomo-content] ${message}`) } = options
  const hosts = new Set(['cdn.sanity.io', ...(options.hosts ?? [])])
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const imagePath = new RegExp(
    `^/images/${escape(options.projectId)}/${escape(options.dataset)}/([0-9a-f]{40}-\\d+x\\d+\\.[a-z0-9]+)$`,
  )
  /** The cached file name for a URL of one of this project's images, else undefined. */
  const fileName = (value: string): string | undefined => {
    if (!value.startsWith('http')) return undefined
    const url = URL.parse(value)
    if (!url || !hosts.has(url.host) || url.search) return undefined
    return imagePath.exec(url.pathname)?.[1]
  }

  // One download per file per build, however many queries name it.
  const downloads = new Map<string, Promise<boolean>>()
  const limit = createLimit(concurrency)
  const download = (url: string, name: string): Promise<boolean> => {
    let pending = downloads.get(name)
    if (!pending) {
      pending = limit(() => fetchToFile(url, path.join(cacheDir, name), options.token)).then(
        () => true,
        (error: Error) => {
          warn(`image ${assetId(name)}: download failed (${error.message}) — image omitted`)
          downloads.delete(name) // a later query may try again
          return false
        },
      )
      downloads.set(name, pending)
    }
    return pending
  }

  return {
    ...source,
    // Relative image paths resolve against this file's folder (see loader.ts entryFilePath); it need not exist.
    file: path.join(cacheDir, 'sanity-images'),
    async fetch<T>(query: string, params?: QueryParams): Promise<T> {
      const result = await source.fetch<T>(query, params)
      const found = new Map<string, string>()
      collectStrings(result, (value) => {
        const name = fileName(value)
        if (name) found.set(value, name)
      })
      if (found.size === 0) return result
      mkdirSync(cacheDir, { recursive: true })
      const local = new Map<string, string | null>()
      await Promise.all(
        [...found].map(async ([url, name]) => {
          const ok = existsSync(path.join(cacheDir, name)) || (await download(url, name))
          // A missing image becomes a missing `src`: the normaliser names it and omits the image.
          local.set(url, ok ? `./${name}` : null)
        }),
      )
      return replaceStrings(result, local) as T
    },
  }
}

/** `abc…-800x600.jpg` → `image-abc…-800x600-jpg`, the asset's document id. */
const assetId = (name: string) => `image-${name.replace(/\.([a-z0-9]+)$/, '-$1')}`

async function fetchToFile(url: string, target: string, token?: string): Promise<void> {
  let lastError: Error | undefined
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt))
    let response: Response
    try {
      response = await fetch(url, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(60_000),
      })
    } catch (error) {
      lastError = error as Error
      continue
    }
    if (!response.ok) {
      lastError = new Error(`HTTP ${response.status}`)
      if (response.status < 500) break // not found, forbidden: asking again will not help
      continue
    }
    const bytes = Buffer.from(await response.arrayBuffer())
    if (bytes.length === 0 || !matchesAnnouncedHash(bytes, response.headers)) {
      lastError = new Error('incomplete download')
      continue
    }
    // Atomic: a build that dies mid-write, or a parallel one, never leaves a partial file under the final name.
    const temporary = `${target}.${randomUUID()}.tmp`
    try {
      await writeFile(temporary, bytes)
      await rename(temporary, target)
    } finally {
      await rm(temporary, { force: true })
    }
    return
  }
  throw lastError ?? new Error('download failed')
}

/**
 * Sanity announces the file's SHA-1 and MD5; a truncated or altered download must not enter the cache.
 * Either may match, as in `sanity dataset export`: the SHA-1 is taken before SVGs are sanitised.
 */
function matchesAnnouncedHash(bytes: Buffer, headers: Headers): boolean {
  const announced = (['sha1', 'md5'] as const)
    .map((algorithm) => [algorithm, headers.get(`x-sanity-${algorithm}`)] as const)
    .filter(([, value]) => value)
  return (
    announced.length === 0 ||
    announced.some(([algorithm, value]) => createHash(algorithm).update(bytes).digest('hex') === value)
  )
}

function collectStrings(value: unknown, visit: (value: string) => void): void {
  if (typeof value === 'string') visit(value)
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, visit)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, visit)
}

function replaceStrings(value: unknown, map: Map<string, string | null>): unknown {
  if (typeof value === 'string') return map.has(value) ? map.get(value) : value
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, map))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, map)]))
  return value
}

/** At most `n` of the given tasks run at once. */
function createLimit(n: number) {
  let active = 0
  const queue: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < n) active++
    else await new Promise<void>((resolve) => queue.push(resolve))
    try {
      return await task()
    } finally {
      // A finished task hands its slot straight to the next waiting one.
      const next = queue.shift()
      if (next) next()
      else active--
    }
  }
}
