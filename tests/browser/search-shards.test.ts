/**
 * The search page over an index in shards, as a national-scale site has it (scripts/search-index.ts): the
 * built site's pages indexed again with a limit low enough for several shards (a varied number), served by
 * the production server. A page from every shard is found by its title through the page's own form, with no
 * error; and an index replaced under an open page (a publish) is searched again without an error.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { buildSearchIndex } from '../../scripts/search-index.ts'
import { indexedPages, MANIFEST } from '../../scripts/search-shards.ts'
import { startServer, type ServeProcess } from '../../scripts/serve-process.ts'
import { DIST, launchBrowser, openPage, STATIC_DIR } from './harness'

// Inside the repository (ignored as dist-*), where the server bundle finds its packages.
const WORK = path.resolve(`dist-shards-${process.pid}`)
const OUT = path.join(WORK, 'out')
const CACHE = path.join(WORK, 'cache')
const SITE = path.join(OUT, 'client')
const pages = indexedPages(STATIC_DIR).length
const shardCount = 2 + Math.floor(Math.random() * 3)
const perIndex = Math.ceil(pages / shardCount)

let server: ServeProcess
let browser: Browser

beforeAll(async () => {
  // The build, its files linked (copied across file systems; nothing in dist/ changes), without its index.
  mkdirSync(OUT, { recursive: true })
  for (const dir of ['client', 'server']) {
    const copy = (flags: string) => spawnSync('cp', [flags, path.join(DIST, dir), path.join(OUT, dir)]).status
    if (copy('-al') !== 0) expect(copy('-a')).toBe(0)
  }
  rmSync(path.join(SITE, 'pagefind'), { recursive: true })
  buildSearchIndex(OUT, CACHE, perIndex)
  server = await startServer({ inbox: path.join(WORK, 'inbox.ndjson'), outDir: OUT })
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(WORK, { recursive: true, force: true })
})

const bundles = () => {
  const { merge } = JSON.parse(readFileSync(path.join(SITE, 'pagefind', MANIFEST), 'utf8')) as { merge: string[] }
  return ['', ...merge].map((dir) => path.join(SITE, 'pagefind', dir))
}
/** Each page a bundle indexes: its URL and title, from its fragment (gzipped `pagefind_dcd` + JSON). */
const indexed = (bundle: string) =>
  readdirSync(path.join(bundle, 'fragment')).map((f) => {
    const data = JSON.parse(
      gunzipSync(readFileSync(path.join(bundle, 'fragment', f)))
        .subarray(12)
        .toString('utf8'),
    )
    return { url: data.url as string, title: data.meta.title as string }
  })

/** The hrefs the search page lists for a query, typed into its form. */
async function search(query: string) {
  const { page, errors } = await openPage(browser, `${server.origin}/search/`)
  await page.fill('#search-q', query)
  await page.press('#search-q', 'Enter')
  await page
    .locator('[data-search-status]')
    .filter({ hasText: /找到|没有找到|不可用/ })
    .waitFor()
  const hrefs = await page
    .locator('[data-search-results] li a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  return { page, errors, hrefs }
}

describe('search over an index in shards', () => {
  it('finds a page of every shard by its title', { timeout: 120_000 }, async () => {
    const all = bundles().map(indexed)
    expect(all).toHaveLength(shardCount)
    const titles = all.flat().map((p) => p.title)
    for (const shard of all) {
      // A page whose title no other page has, picked at random.
      const unique = shard.filter((p) => titles.filter((t) => t === p.title).length === 1)
      const pick = unique[Math.floor(Math.random() * unique.length)]!
      const { page, errors, hrefs } = await search(pick.title)
      expect(hrefs, `${pick.title} (${pick.url})`).toContain(pick.url)
      expect(errors).toEqual([])
      await page.context().close()
    }
  })

  it('searches again after the index was replaced under the open page', { timeout: 120_000 }, async () => {
    const { page, errors } = await search(indexed(bundles()[0]!)[0]!.title)
    // A publish: the index rebuilt in other shards, the files the old one named removed.
    buildSearchIndex(OUT, CACHE, Math.ceil(pages / (shardCount + 1)))
    const target = indexed(bundles().at(-1)!)[0]!
    await page.fill('#search-q', target.title)
    await page.press('#search-q', 'Enter')
    await page.locator(`[data-search-results] li a[href="${target.url}"]`).first().waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })
})
