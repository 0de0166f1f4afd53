/**
 * The map above the list's first page, where its first view is a small file of its own and all
 * talks' points and text come on demand (site/lib/map/firstView.ts): a second build of a generated
 * dataset (the sample scaled to TALKS talks, scripts/bench/scale-dataset.ts). The first view fetches
 * only /map/view.json; the counts, list and markers after a filter or with a filtered address agree
 * with the dataset, counted here from its documents.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeScaledDataset, type Doc } from '../../scripts/bench/scale-dataset'
import { startServer } from '../../scripts/serve-process'
import { FIRST_VIEW_PAGE, LIST_PAGE } from '../../site/lib/map/list'
import { launchBrowser } from './harness'

// Not a multiple of the sample, and well above the list's first page (LIST_PAGE).
const TALKS = 617
const outDir = path.resolve('dist-map-scale')
const state = {} as { origin: string; browser: Browser; talks: Doc[]; close: () => Promise<void> }

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'laomo-map-scale-'))
  const { docs } = writeScaledDataset('studio/seed/data.ndjson', dir, TALKS)
  state.talks = docs.filter((d) => d._type === 'talk')
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, LAOMO_DATASET: dir, LAOMO_OUT_DIR: outDir, LAOMO_EMBED_STUDIO: '0' },
    stdio: 'ignore',
  })
  const inbox = path.join(dir, 'talk-requests.ndjson')
  const server = await startServer({ inbox, outDir })
  state.origin = server.origin
  state.browser = await launchBrowser()
  state.close = () => server.stop()
}, 600_000)
afterAll(async () => {
  await state.browser?.close()
  await state.close?.()
})

/** /map/ with `query`, its first view drawn; `data` collects the map data files it fetches. */
async function open(query = '') {
  const context = await state.browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  const data: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/map/') && pathname.endsWith('.json')) data.push(pathname)
  })
  await page.goto(`${state.origin}/map/${query}`)
  await page.waitForFunction(() => window.__laomoMapReady !== undefined)
  await page.evaluate(() => window.__laomoMapReady)
  await page.evaluate(() => window.__laomoMap!.textLoaded())
  return { page, data, close: () => context.close() }
}

async function shown(page: Page) {
  await page.evaluate(() => window.__laomoMap!.drawn())
  return {
    status: (await page.locator('[data-map-count]').textContent())?.trim(),
    items: await page.locator('[data-talk-list] li[data-talk-id]').evaluateAll((li) => li.map((l) => l.dataset.talkId)),
    markers: (await page.evaluate(() => window.__laomoMap!.markerIds())).sort(),
  }
}

const located = (talks: Doc[]) =>
  talks
    .filter((t) => t.location)
    .map((t) => t._id)
    .sort()
const schools = () => state.talks.filter((t) => t.venueType === 'school')

describe(`talk map at ${TALKS} talks`, () => {
  it('draws the first view and the list’s first items from /map/view.json alone, the same list all talks give', async () => {
    const { page, data, close } = await open()
    try {
      await page
        .locator('[data-talk-list] li[data-talk-id]')
        .nth(FIRST_VIEW_PAGE - 1)
        .waitFor({ state: 'attached' })
      const first = await page
        .locator('[data-talk-list] li[data-talk-id]')
        .evaluateAll((li) => li.map((l) => l.dataset.talkId))
      expect(first).toHaveLength(FIRST_VIEW_PAGE)
      expect(await page.locator('[data-list-partial]').textContent()).toContain(`前 ${FIRST_VIEW_PAGE} 场`)
      expect(await page.locator('[data-map-count]').textContent()).toContain(`共 ${TALKS} 场报告会`)
      expect(
        await page.locator('[data-talk-map] .marker-cluster, [data-talk-map] .talk-marker').count(),
      ).toBeGreaterThan(0)
      expect(data).toEqual(['/map/view.json'])
      // A reader's first move (the test's) brings all talks: the list stays, the markers count every talk.
      const after = await shown(page)
      expect(data.sort()).toEqual(['/map/points.json', '/map/text.json', '/map/view.json'])
      expect(after.items.slice(0, FIRST_VIEW_PAGE)).toEqual(first)
      // With all talks' text the list shows a whole page.
      expect(after.items).toHaveLength(LIST_PAGE)
      expect(after.markers).toEqual(located(state.talks))
    } finally {
      await close()
    }
  })

  it('draws the first view from the clusters the build worked out; the index, built from all talks, keeps every marker', async () => {
    const context = await state.browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    try {
      // At the moment the map says it is drawn: was the cluster index needed for it?
      await page.addInitScript(() => {
        const w = window as unknown as { __indexedWhenDrawn?: boolean }
        let ready: unknown
        Object.defineProperty(window, '__laomoMapReady', {
          configurable: true,
          get: () => ready,
          set(value: Promise<void>) {
            ready = value
            void value.then(() => (w.__indexedWhenDrawn = window.__laomoMap!.indexed()))
          },
        })
      })
      await page.goto(`${state.origin}/map/`)
      const indexedWhenDrawn = () => (window as { __indexedWhenDrawn?: boolean }).__indexedWhenDrawn
      await page.waitForFunction(() => (window as { __indexedWhenDrawn?: boolean }).__indexedWhenDrawn !== undefined)
      expect(await page.evaluate(indexedWhenDrawn)).toBe(false)
      const markers = '[data-talk-map] .marker-cluster, [data-talk-map] .talk-marker'
      const first = await page.evaluate((selector) => {
        const shown = document.querySelectorAll(selector)
        for (const el of shown) el.setAttribute('data-first-view', '')
        return shown.length
      }, markers)
      expect(first).toBeGreaterThan(3)
      // Not before all talks are in: the first view's blank talks must not enter the index.
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => window.__laomoMap!.indexed())).toBe(false)
      await page.evaluate(() => window.__laomoMap!.full())
      // Once the index is built, the same view drawn from it is the same markers (none replaced).
      await page.waitForFunction(() => window.__laomoMap!.indexed())
      await page.evaluate(() => window.__laomoMap!.map.fire('moveend'))
      expect(await page.locator(markers).count()).toBe(first)
      expect(await page.locator('[data-talk-map] [data-first-view]').count()).toBe(first)
    } finally {
      await context.close()
    }
  })

  it('filters over all talks, fetched when the filter is first used', async () => {
    const { page, data, close } = await open()
    try {
      await page.selectOption('[data-map-filters] select[name="type"]', 'school')
      await page.waitForURL(/type=school/)
      const after = await shown(page)
      expect(data).toContain('/map/points.json')
      expect(after.status).toBe(`共 ${schools().length} 场报告会`)
      expect(after.items).toHaveLength(Math.min(LIST_PAGE, schools().length))
      expect(after.markers).toEqual(located(schools()))
    } finally {
      await close()
    }
  })

  it('loads all talks at once for an address with a filter, and shows what the filter above showed', async () => {
    const { page, data, close } = await open('?type=school')
    try {
      // (The page preloads the first view's file whatever the address: small, and at once.)
      expect(data).toContain('/map/points.json')
      const after = await shown(page)
      expect(after.status).toBe(`共 ${schools().length} 场报告会`)
      expect(after.markers).toEqual(located(schools()))
    } finally {
      await close()
    }
  })

  it('shows the list’s next page when asked, from all talks’ text', async () => {
    const { page, close } = await open()
    try {
      // The button names the next page after the first view's items: "再显示 250 场".
      expect(await page.locator('[data-list-more]').textContent()).toBe(`再显示 ${LIST_PAGE} 场`)
      await page.locator('[data-list-more]').click()
      await page
        .locator('[data-talk-list] li[data-talk-id]')
        .nth(FIRST_VIEW_PAGE + LIST_PAGE - 1)
        .waitFor({ state: 'attached' })
      const ids = await page
        .locator('[data-talk-list] li[data-talk-id]')
        .evaluateAll((li) => li.map((l) => l.dataset.talkId))
      expect(new Set(ids).size).toBe(ids.length)
      // (At least: the list's end, near in view, may ask for the next page too.)
      expect(ids.length).toBeGreaterThanOrEqual(FIRST_VIEW_PAGE + LIST_PAGE)
      expect(ids.every((id) => state.talks.some((t) => t._id === id))).toBe(true)
    } finally {
      await close()
    }
  })
})
