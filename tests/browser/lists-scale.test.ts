/**
 * The long lists split above their limit (site/lib/lists.ts), checked on a second build of the sample with
 * LAOMO_LIST_LIMIT=20: /talks/ by year and month, /workers/ by prefecture and initial, /photos/ in pages.
 * Every document is on exactly one split page, the pages link to each other and are in the sitemap, the
 * filters work on a split page, and axe finds nothing, at a phone's and a desktop's size.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../scripts/serve-process'
import { axeViolations, launchBrowser, STATIC_DIR } from './harness'
import { groq } from './expected'
import { noOverflow, VIEWPORTS } from './viewports'
import { LIST_LIMITS } from '../../site/lib/lists'

const LIMIT = 20
const outDir = path.resolve(process.env.LAOMO_LISTS_OUT_DIR || 'dist-lists')
const state = {} as { origin: string; browser: Browser; close: () => Promise<void> }

beforeAll(async () => {
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, LAOMO_OUT_DIR: outDir, LAOMO_EMBED_STUDIO: '0', LAOMO_LIST_LIMIT: String(LIMIT) },
    stdio: 'ignore',
  })
  const inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-lists-')), 'talk-requests.ndjson')
  const server = await startServer({ inbox, outDir })
  state.origin = server.origin
  state.browser = await launchBrowser()
  state.close = () => server.stop()
})
afterAll(async () => {
  await state.browser?.close()
  await state.close?.()
})

const published = (type: string) => groq<string[]>(`*[_type == $type && !(_id in path("drafts.**"))]._id`, { type })

/**
 * Every list page reachable from `start` through links whose path `follows`, with the ids (`attribute`)
 * of the items on each, in the order they were found.
 */
async function crawl(page: Page, start: string, follows: RegExp, attribute: string) {
  const found = new Map<string, string[]>()
  const queue = [start]
  while (queue.length > 0) {
    const url = queue.shift()!
    if (found.has(url)) continue
    await page.goto(`${state.origin}${url}`)
    found.set(url, await page.$$eval(`[${attribute}]`, (els, a) => els.map((e) => e.getAttribute(a)!), attribute))
    const links = await page.$$eval('main a[href]', (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    )
    queue.push(...links.filter((l) => follows.test(l) && !found.has(l)))
  }
  return found
}

/** Each id on exactly one page of `pages` (the start page's own items aside), and no page above the limit. */
function expectOnePageEach(pages: Map<string, string[]>, ids: string[], start: string) {
  const split = [...pages].filter(([url]) => url !== start)
  expect(split.length).toBeGreaterThan(1)
  const placed = split.flatMap(([, items]) => items)
  expect(placed.toSorted()).toEqual(ids.toSorted())
  for (const [url, items] of pages) expect(items.length, url).toBeLessThanOrEqual(LIMIT)
}

/**
 * A page of `limit` items is no heavier than today's largest list page (the normal build's /talks/): its
 * weight projected from the split pages' (bytes = base + per item × items, least squares).
 */
function expectWeightBound(pages: Map<string, string[]>, limit: number) {
  const bound = statSync(path.join(STATIC_DIR, 'talks', 'index.html')).size
  const points = [...pages].map(([url, ids]) => ({
    x: ids.length,
    y: statSync(path.join(outDir, 'client', url, 'index.html')).size,
  }))
  const mean = (f: (p: { x: number; y: number }) => number) => points.reduce((s, p) => s + f(p), 0) / points.length
  const [mx, my] = [mean((p) => p.x), mean((p) => p.y)]
  const perItem = mean((p) => (p.x - mx) * (p.y - my)) / mean((p) => (p.x - mx) ** 2)
  expect(perItem).toBeGreaterThan(0)
  expect(my + perItem * (limit - mx)).toBeLessThanOrEqual(bound)
}

function expectInSitemap(urls: Iterable<string>) {
  const sitemap = readFileSync(path.join(outDir, 'client', 'sitemap-0.xml'), 'utf8')
  for (const url of urls) expect(sitemap, url).toContain(`${url}</loc>`)
}

/** Chooses the first option of `select` on the page; every item still shown has that facet. */
async function expectFilterWorks(page: Page, select: string, listId: string) {
  const total = await page.locator(`#${listId} [data-filter-item]`).count()
  const value = await page.locator(`select[name=${select}] option`).nth(1).getAttribute('value')
  await page.selectOption(`select[name=${select}]`, value!)
  const shown = page.locator(`#${listId} [data-filter-item]:not([hidden])`)
  const facets = await shown.evaluateAll((els, n) => els.map((e) => e.getAttribute(`data-f-${n}`)!), select)
  expect(facets.length).toBeGreaterThan(0)
  for (const f of facets) expect(f.split(' ')).toContain(value)
  const status = await page.locator('[data-filter-status]').textContent()
  if (facets.length < total) expect(status).toContain(`显示 ${facets.length} / ${total}`)
  expect(new URL(page.url()).searchParams.get(select)).toBe(value)
}

describe.each(VIEWPORTS)('split lists at $name size ($width×$height)', (viewport) => {
  async function open() {
    const context = await state.browser.newContext({ locale: 'zh-CN', viewport })
    return { context, page: await context.newPage() }
  }
  async function expectClean(page: Page, url: string) {
    await page.goto(`${state.origin}${url}`)
    expect(await axeViolations(page), url).toEqual([])
    expect(await noOverflow(page), url).toBe(true)
    expect(await page.locator('h1').count(), url).toBe(1)
  }

  it('/talks/: upcoming talks and the years and months; each talk on exactly one of their pages', async () => {
    const { context, page } = await open()
    const pages = await crawl(page, '/talks/', /^\/talks\/\d{4}\/(\d{2}\/)?(\d+\/)?$/, 'data-talk-id')
    expectOnePageEach(pages, await published('talk'), '/talks/')
    expectWeightBound(new Map([...pages].filter(([u]) => u !== '/talks/')), LIST_LIMITS.talks)
    expectInSitemap(pages.keys())
    // A split page: the breadcrumb back to /talks/, its own jump list, and filters over its own talks.
    const [url] = [...pages].filter(([u]) => u !== '/talks/').sort((a, b) => b[1].length - a[1].length)[0]!
    await page.goto(`${state.origin}${url}`)
    expect(await page.locator('[data-breadcrumb] a[href="/talks/"]').count()).toBe(1)
    expect(await page.locator('[data-jump-list] a').count()).toBeGreaterThan(0)
    await expectFilterWorks(page, 'type', 'talk-list')
    for (const u of ['/talks/', url]) await expectClean(page, u)
    await context.close()
  })

  it('/photos/: pages of at most the limit with 上一页/下一页; each photo on exactly one page', async () => {
    const { context, page } = await open()
    const pages = await crawl(page, '/photos/', /^\/photos\/(page\/\d+\/)?$/, 'data-photo-id')
    const split = new Map([...pages].map(([u, ids]) => [u === '/photos/' ? '/photos/page/1/' : u, ids]))
    expectOnePageEach(split, await published('photo'), '')
    expectWeightBound(pages, LIST_LIMITS.photos)
    expectInSitemap(pages.keys())
    await page.goto(`${state.origin}/photos/`)
    expect(await page.locator('[data-page-prev]').count()).toBe(0)
    expect(await page.locator('[data-page-next]').getAttribute('href')).toBe('/photos/page/2/')
    const last = `/photos/page/${pages.size}/`
    await page.goto(`${state.origin}${last}`)
    expect(await page.locator('[data-page-next]').count()).toBe(0)
    expect(await page.locator('[data-pagination] [aria-current=page]').textContent()).toContain(String(pages.size))
    for (const u of ['/photos/', last]) await expectClean(page, u)
    await context.close()
  })

  it('/workers/: the prefectures; each model worker on exactly one of their pages, filters on it', async () => {
    const { context, page } = await open()
    const pages = await crawl(page, '/workers/', /^\/workers\/prefecture\/.+\/$/, 'data-worker-id')
    expect(pages.get('/workers/')).toEqual([])
    expectOnePageEach(pages, await published('modelWorker'), '/workers/')
    expectWeightBound(new Map([...pages].filter(([u]) => u !== '/workers/')), LIST_LIMITS.workers)
    expectInSitemap(pages.keys())
    const [url] = [...pages].filter(([u]) => u !== '/workers/').sort((a, b) => b[1].length - a[1].length)[0]!
    await page.goto(`${state.origin}${url}`)
    expect(await page.locator('[data-breadcrumb] a[href="/workers/"]').count()).toBe(1)
    await expectFilterWorks(page, 'sector', 'worker-list')
    for (const u of ['/workers/', url]) await expectClean(page, u)
    await context.close()
  })
})
