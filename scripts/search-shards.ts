/**
 * How the search index is split when one Pagefind run would need too much memory (docs/performance.md, "200×
 * the sample"): Pagefind holds every page it reads until it writes, ~105 KB a page, so above PAGES_PER_INDEX
 * pages the indexed pages are split into shards by a hash of their path, each indexed by its own run, and the
 * search page merges the shards' bundles with Pagefind's `mergeIndex()`. The hash keeps a page in the same
 * shard from one publish to the next (as long as the number of shards stays), so each shard's kept index is
 * reused.
 */
import { globSync, linkSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('..', import.meta.url))

/**
 * Pages one Pagefind run indexes at most: 12,400 (50× the sample) peak at 1.6 GiB in one run, and 200× split
 * in four (12,400 each) stays below 2 GiB per run.
 */
export const PAGES_PER_INDEX = 14_000

/** The list of shards the search page merges, in the first bundle: `{"merge": ["shard-2/", …]}`. */
export const MANIFEST = 'shards.json'

/** PAGES_PER_INDEX, or LAOMO_SEARCH_SHARD_PAGES (tests split a small site with it). */
export function pagesPerIndex(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LAOMO_SEARCH_SHARD_PAGES?.trim()
  if (!raw) return PAGES_PER_INDEX
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`LAOMO_SEARCH_SHARD_PAGES must be a whole number of pages ≥ 1, not "${raw}".`)
  return value
}

/** The glob of pagefind.yml: the one statement of which pages are indexed, read by Pagefind and by the split. */
export function indexGlob(config = path.join(REPO, 'pagefind.yml')): string {
  const match = /^glob:\s*(['"]?)(.+)\1\s*$/m.exec(readFileSync(config, 'utf8'))
  if (!match) throw new Error(`${config} has no "glob:" line; the search index cannot be split without it.`)
  return match[2]!
}

/** The pages Pagefind would read in `site`, relative paths in a stable order. */
export const indexedPages = (site: string): string[] => globSync(indexGlob(), { cwd: site }).sort()

/** FNV-1a of a page's path, so its shard depends on nothing but the path and the number of shards. */
export function shardOf(page: string, count: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < page.length; i++) h = Math.imul(h ^ page.charCodeAt(i), 0x01000193)
  return ((h >>> 0) % count) + 1
}

/** A folder holding shard `k`'s pages (hard links) at their paths in the site, for Pagefind to read. */
export function stageShard(site: string, pages: string[], k: number, count: number, root: string): string {
  const dir = path.join(root, String(k))
  rmSync(dir, { recursive: true, force: true })
  for (const page of pages) {
    if (shardOf(page, count) !== k) continue
    const to = path.join(dir, page)
    mkdirSync(path.dirname(to), { recursive: true })
    try {
      linkSync(path.join(site, page), to)
    } catch {
      copyFileSync(path.join(site, page), to)
    }
  }
  return dir
}
