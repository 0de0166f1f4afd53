/**
 * The Content-Security-Policy sources a build needs, read from the build itself when the server starts:
 * - the sha256 of every inline script in its pages. Astro inlines small bundled scripts, and its own CSP
 *   support (`security.csp`) leaves `is:inline` scripts such as the search page's out and can only write
 *   a <meta>, where frame-ancestors does not work; reading the output covers whatever ends up in it;
 * - the tile origins of the map provider the build was configured with (`config` in /map/points.json).
 *
 *   node server/csp.ts [outDir]    prints {"site": "<policy>", "studio": "<policy>"} (for nginx, deploy/)
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { effectiveConfig, providerSpec, type MapConfig } from '#domain/map/providers'
import { parsePreviewOrigins } from './config.ts'
import { siteCsp, studioCsp, type CspSources, type SecurityPolicies } from './policy.ts'

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
/** Data blocks the browser never runs (JSON-LD on every profile and talk): no hash needed. */
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(ld\+)?json\b/i

/** 'sha256-…' of each inline script, as the browser hashes it (the HTML parser turns CRLF into LF). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || DATA_BLOCK.test(attributes)) continue
    const digest = createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('base64')
    hashes.push(`'sha256-${digest}'`)
  }
  return hashes
}

/** The origins a provider's tiles come from, every subdomain spelled out. */
export function tileOriginsOf(config: MapConfig): string[] {
  const origins = new Set<string>()
  for (const layer of providerSpec(effectiveConfig(config)).layers) {
    for (const s of layer.subdomains.length ? layer.subdomains : ['']) {
      origins.add(new URL(layer.url.replaceAll('{s}', s).replace(/\{[a-z]\}/g, '0')).origin)
    }
  }
  return [...origins].sort()
}

async function configuredTileOrigins(staticDir: string): Promise<string[]> {
  try {
    const points = JSON.parse(await readFile(path.join(staticDir, 'map', 'points.json'), 'utf8'))
    return points?.config ? tileOriginsOf(points.config as MapConfig) : []
  } catch {
    return [] // no map in this build
  }
}

/**
 * Each page's file identity (device, inode, size, mtime) and hashes, by its path in the build. A published
 * release hard-links every file its publish did not change, so the scan of the next release reads only the
 * pages that did: at 50× the sample a full scan reads ~14,000 pages (~5 s), a publish changes a few hundred.
 */
export type ScanCache = Map<string, { key: string; hashes: string[] }>

/**
 * What a publish changed against the release last scanned (paths relative to the static folder): the
 * publisher's change set, so the scan need not walk and stat a tree of 100,000 files to find them.
 */
export interface ScanChanges {
  written: readonly string[]
  removed: readonly string[]
}

/** How a file is known again in the next release: the same inode, unchanged. */
const identity = (s: { dev: number; ino: number; size: number; mtimeMs: number }) =>
  `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`

const isPage = (file: string) => file.endsWith('.html')

/**
 * The build's sources, with `previewOrigins` from the caller's settings (parsePreviewOrigins in config.ts).
 * With `cache` (the previous scan's `cache`), pages already read are not read again; with `changes` as well,
 * only the written pages are looked at (a change set that does not fit the folder means a full scan).
 */
export async function scanBuild(
  staticDir: string,
  previewOrigins: readonly string[],
  cache: ScanCache = new Map(),
  changes?: ScanChanges,
): Promise<CspSources & { pages: number; read: number; cache: ScanCache }> {
  const scanned = changes
    ? await scanPages(staticDir, changes.written.filter(isPage), cache, changes.removed).catch(() => null)
    : null
  const { next, read } = scanned ?? (await scanPages(staticDir, await pagesIn(staticDir), cache))
  const hashes = new Set<string>()
  for (const page of next.values()) for (const h of page.hashes) hashes.add(h)
  return {
    scriptHashes: [...hashes].sort(),
    tileOrigins: await configuredTileOrigins(staticDir),
    previewOrigins,
    pages: next.size,
    read,
    cache: next,
  }
}

async function pagesIn(staticDir: string): Promise<string[]> {
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile() && isPage(e.name))
    .map((e) => path.relative(staticDir, path.join(e.parentPath, e.name)))
}

/**
 * Reads `files` (or knows them from `cache` by identity). `removed` given: the cache is the previous release's
 * pages, kept but for those removed, and `files` are the only ones that changed (each must exist).
 */
async function scanPages(staticDir: string, files: readonly string[], cache: ScanCache, removed?: readonly string[]) {
  // A full scan knows unchanged files by identity; a change set's files are all new.
  const known = removed ? new Map<string, string[]>() : new Map([...cache.values()].map((p) => [p.key, p.hashes]))
  const next: ScanCache = removed ? new Map(cache) : new Map()
  for (const file of removed ?? []) next.delete(file)
  let read = 0
  // A few files at a time: thousands of pages are read in well under a second without a file-handle storm.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map(async (file) => {
        const full = path.join(staticDir, file)
        const key = identity(await stat(full))
        let hashes = known.get(key)
        if (!hashes) {
          const html = await readFile(full, 'utf8')
          hashes = html.includes('<script') ? inlineScriptHashes(html) : []
          read++
        }
        next.set(file, { key, hashes })
      }),
    )
  }
  return { next, read }
}

export function policiesFor(sources: CspSources): SecurityPolicies {
  return { site: siteCsp(sources), studio: studioCsp(sources) }
}

if (import.meta.main) {
  const { staticDirOf } = await import('../scripts/static-dir.ts')
  const outDir = path.resolve(process.argv[2] || process.env.LAOMO_OUT_DIR || 'dist')
  const sources = await scanBuild(staticDirOf(outDir), parsePreviewOrigins(process.env))
  console.log(JSON.stringify(policiesFor(sources), null, 2))
}
