/**
 * The talk map (/map/) in Chromium: counts agree with the dataset (through the content module),
 * filters and the selected talk live in the URL, popups link to the right pages, nothing leaves
 * localhost, and with Gaode configured markers sit at their GCJ-02 positions.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import gcoord from 'gcoord'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getContentSource } from '../../site/lib/content/executors'
import { normaliseTalk } from '../../site/lib/content/normalise'
import { TALKS_QUERY } from '../../site/lib/content/queries'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { startServer } from '../../scripts/serve-process'
import { FIRST_VIEW_PAGE } from '../../site/lib/map/list'
import { axeViolations, openPage, thirdParty, useSite } from './harness'

interface Talk {
  _id: string
  venueType: 'enterprise' | 'school' | 'community'
  prefecture: string
  status: string
  location?: { lat: number; lng: number }
  speakers: { slug: string; name: string }[]
}

/** The talks the site shows, through the same query and normaliser as the build. */
async function datasetTalks(): Promise<Talk[]> {
  const source = await getContentSource({})
  const rows = await source.fetch<(Record<string, unknown> & { _id: string })[]>(TALKS_QUERY)
  return rows.flatMap((row) => (normaliseTalk(row).data as Talk | null) ?? [])
}

const site = useSite()
let talks: Talk[] = []
beforeAll(async () => {
  talks = await datasetTalks()
})

async function openMap(browser: Browser, url: string) {
  const opened = await openPage(browser, url)
  await opened.page.waitForFunction(() => window.__laomoMap !== undefined)
  await opened.page.evaluate(() => window.__laomoMap!.drawn())
  return opened
}

async function snapshot(page: Page) {
  await page.evaluate(() => window.__laomoMap!.drawn())
  return {
    status: (await page.locator('[role="status"][data-map-count]').textContent())?.trim(),
    items: await page.locator('[data-talk-list] li[data-talk-id]:visible').count(),
    markers: await page.evaluate(() => window.__laomoMap!.markerIds().length),
  }
}

describe('talk map', () => {
  it('shows all 213 talks with no filter: status, list and every located talk on the map', async () => {
    const { page, requests, errors, csp } = await openMap(site.browser, `${site.origin}/map/`)
    // Under the production server's policy: no inline script without its hash, no framing (violations are errors).
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')*;/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(talks.length).toBe(213)
    const located = talks.filter((t) => t.location)
    expect(await snapshot(page)).toEqual({ status: '共 213 场报告会', items: 213, markers: located.length })
    const ids = await page.evaluate(() => window.__laomoMap!.markerIds())
    expect(new Set(ids)).toEqual(new Set(located.map((t) => t._id)))
    const listIds = await page.locator('[data-talk-list] li').evaluateAll((lis) => lis.map((li) => li.dataset.talkId))
    expect(new Set(listIds)).toEqual(new Set(talks.map((t) => t._id)))
    // All of them: no partial-list note, no "show more" button.
    expect(await page.locator('[data-list-partial]').isVisible()).toBe(false)
    expect(await page.locator('[data-list-more]').isVisible()).toBe(false)
    expect(await page.locator('[data-talk-list] [data-locate]').count()).toBe(located.length)
    expect(await page.locator('[data-talk-list] .talk-unplaced').count()).toBe(talks.length - located.length)
    // The bundled base layer: outline drawn, prefecture seats labelled, source attributed.
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0)
    expect(await page.locator('.laomo-seat-label').allTextContents()).toContain('兰州市')
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('Natural Earth')
    expect(await page.locator('[data-talk-map]').getAttribute('data-ready')).toBe('true')
    expect(thirdParty(requests, site.origin)).toEqual([])
    expect(errors).toEqual([])
  })

  it('gives each venue type the dataset’s count in the status, the list and the markers', async () => {
    const { page, requests } = await openMap(site.browser, `${site.origin}/map/`)
    for (const type of ['enterprise', 'school', 'community'] as const) {
      const ofType = talks.filter((t) => t.venueType === type)
      await page.selectOption('select[name="type"]', type)
      expect(await snapshot(page)).toEqual({
        status: `共 ${ofType.length} 场报告会`,
        items: ofType.length,
        markers: ofType.filter((t) => t.location).length,
      })
      expect(new URL(page.url()).searchParams.get('type')).toBe(type)
    }
    expect(thirdParty(requests, site.origin)).toEqual([])
  })

  it('restores filters and the selected talk from the URL; back and forward work', async () => {
    const expected = talks.filter((t) => t.venueType === 'school' && t.prefecture === '兰州市')
    const chosen = expected.find((t) => t.location)!
    const url = `${site.origin}/map/?type=school&prefecture=${encodeURIComponent('兰州市')}&talk=${chosen._id}`
    const { page } = await openMap(site.browser, url)
    expect(await page.inputValue('select[name="type"]')).toBe('school')
    expect(await page.inputValue('select[name="prefecture"]')).toBe('兰州市')
    expect(await snapshot(page)).toEqual({
      status: `共 ${expected.length} 场报告会`,
      items: expected.length,
      markers: expected.filter((t) => t.location).length,
    })
    await expect.poll(() => page.locator(`[data-popup-talk="${chosen._id}"]`).count()).toBe(1)
    expect(await page.locator(`li[data-talk-id="${chosen._id}"]`).getAttribute('aria-current')).toBe('true')

    const held = expected.filter((t) => t.status === 'held')
    await page.selectOption('select[name="status"]', 'held')
    expect((await snapshot(page)).items).toBe(held.length)
    await page.goBack()
    expect(new URL(page.url()).searchParams.get('status')).toBeNull()
    expect((await snapshot(page)).items).toBe(expected.length)
    expect(await page.inputValue('select[name="status"]')).toBe('')
    await page.goForward()
    expect(await page.inputValue('select[name="status"]')).toBe('held')
    expect(await snapshot(page)).toMatchObject({ status: `共 ${held.length} 场报告会`, items: held.length })
  })

  it('filters by a worker typed or picked in the search box, and shows the worker named by the URL', async () => {
    const bySpeaker = Map.groupBy(
      talks.flatMap((t) => t.speakers.map((s) => [s, t] as const)),
      ([s]) => s.slug,
    )
    const [slug, pairs] = [...bySpeaker].sort((a, b) => b[1].length - a[1].length)[0]!
    const name = pairs[0]![0].name
    const theirs = pairs.map(([, t]) => t)
    const { page } = await openMap(site.browser, `${site.origin}/map/`)
    const box = page.locator('input[name="worker"]')
    expect(await page.locator('#map-workers option').count()).toBe(bySpeaker.size)
    // A whole name, then Enter.
    await box.fill(name)
    await box.press('Enter')
    expect(await snapshot(page)).toEqual({
      status: `共 ${theirs.length} 场报告会`,
      items: theirs.length,
      markers: theirs.filter((t) => t.location).length,
    })
    expect(new URL(page.url()).searchParams.get('worker')).toBe(slug)
    // A name nobody has: a note, and the filter stays as it was.
    await box.fill('查无此人')
    await box.press('Enter')
    expect(await page.locator('[data-worker-note]').textContent()).toContain('没有找到“查无此人”')
    expect((await snapshot(page)).items).toBe(theirs.length)
    expect(await box.inputValue()).toBe(name)
    // The other filters still apply while the box holds a name nobody has.
    await box.fill('查无此人')
    await page.selectOption('select[name="type"]', 'school')
    expect((await snapshot(page)).items).toBe(theirs.filter((t) => t.venueType === 'school').length)
    await page.selectOption('select[name="type"]', '')
    // Cleared: every worker again.
    await box.fill('')
    expect((await snapshot(page)).items).toBe(213)
    expect(new URL(page.url()).searchParams.get('worker')).toBeNull()
    expect(await page.locator('[data-worker-note]').textContent()).toBe('')
    // From the URL: the box shows the name.
    const opened = await openMap(site.browser, `${site.origin}/map/?worker=${slug}`)
    expect(await opened.page.inputValue('input[name="worker"]')).toBe(name)
    expect((await snapshot(opened.page)).items).toBe(theirs.length)
  })

  it('counts every talk once in the clusters of the whole province; a cluster zooms in on click or Enter', async () => {
    const { page } = await openMap(site.browser, `${site.origin}/map/`)
    const located = talks.filter((t) => t.location).length
    const counted = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-talk-map] .marker-cluster span, [data-talk-map] .talk-marker')].reduce(
          (sum, el) => sum + (el.classList.contains('talk-marker') ? 1 : Number(el.textContent)),
          0,
        ),
      )
    expect(await counted()).toBe(located)
    const zoom = () => page.evaluate(() => window.__laomoMap!.map.getZoom())
    const before = await zoom()
    const moved = () => page.evaluate(() => new Promise((r) => window.__laomoMap!.map.once('moveend', r)))
    let done = moved()
    await page.locator('.marker-cluster').first().click()
    await done
    expect(await zoom()).toBeGreaterThan(before)
    // Keyboard: a focused cluster opens with Enter too.
    const level = await zoom()
    const cluster = page.locator('.marker-cluster').first()
    if ((await cluster.count()) > 0) {
      await cluster.focus()
      done = moved()
      await page.keyboard.press('Enter')
      await done
      expect(await zoom()).toBeGreaterThan(level)
    }
  })

  it('draws the sample’s first view from its one small file, then brings all talks on the reader’s first move', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    const data: string[] = []
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.startsWith('/map/') && pathname.endsWith('.json')) data.push(pathname)
    })
    try {
      await page.goto(`${site.origin}/map/`)
      await page.waitForFunction(() => window.__laomoMapReady !== undefined)
      await page.evaluate(() => window.__laomoMapReady)
      await page.evaluate(() => window.__laomoMap!.textLoaded())
      const items = page.locator('[data-talk-list] li[data-talk-id]')
      await items.nth(FIRST_VIEW_PAGE - 1).waitFor({ state: 'attached' })
      // The clusters the build worked out and the list's first items: the index waits for all talks.
      expect(await items.count()).toBe(FIRST_VIEW_PAGE)
      expect(await page.locator('.marker-cluster').count()).toBeGreaterThan(0)
      expect(await page.evaluate(() => window.__laomoMap!.indexed())).toBe(false)
      expect(data).toEqual(['/map/view.json'])
      expect(await page.locator('[data-list-more]').textContent()).toBe(`再显示 ${talks.length - FIRST_VIEW_PAGE} 场`)
      // The reader points at the list: all talks come, and the list shows every one of them.
      await page.locator('[data-talk-list-scroll]').hover()
      await page.evaluate(() => window.__laomoMap!.drawn())
      expect(await items.count()).toBe(talks.length)
      expect(data.sort()).toEqual(['/map/points.json', '/map/text.json', '/map/view.json'])
      expect(await page.locator('[data-list-more]').isVisible()).toBe(false)
    } finally {
      await context.close()
    }
  })

  it('names link parameters it cannot apply instead of failing', async () => {
    const { page } = await openMap(site.browser, `${site.origin}/map/?type=factory&year=1900`)
    expect(await page.locator('[data-map-ignored]').textContent()).toContain('type=factory')
    expect((await snapshot(page)).items).toBe(213)
  })

  it('opens a popup from the list that links to the talk and its speakers', async () => {
    const talk = talks.find((t) => t.location && t.speakers.length >= 2) ?? talks.find((t) => t.location)!
    const { page, requests } = await openMap(site.browser, `${site.origin}/map/`)
    await page.locator(`li[data-talk-id="${talk._id}"] [data-locate]`).click()
    const popup = page.locator(`[data-popup-talk="${talk._id}"]`)
    await popup.waitFor()
    expect(await popup.locator(`a[href="/talks/${talk._id}/"]`).count()).toBe(1)
    for (const s of talk.speakers)
      expect(await popup.locator(`a[href="/workers/${s.slug}/"]`).textContent()).toBe(s.name)
    expect(await popup.textContent()).toMatch(/时间.*地点.*类型.*宣讲人/s)
    // The marker has keyboard focus and the URL names the talk.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('talk-marker'))).toBe(true)
    expect(new URL(page.url()).searchParams.get('talk')).toBe(talk._id)
    // Keyboard: Esc closes the popup and deselects; Enter on the focused marker selects it again.
    await page.keyboard.press('Escape')
    await expect.poll(() => popup.count()).toBe(0)
    expect(new URL(page.url()).searchParams.get('talk')).toBeNull()
    expect(await page.locator(`li[data-talk-id="${talk._id}"]`).getAttribute('aria-current')).toBeNull()
    await page.keyboard.press('Enter')
    await popup.waitFor()
    expect(new URL(page.url()).searchParams.get('talk')).toBe(talk._id)
    // The worker link leads to that worker's profile.
    await popup.locator(`a[href="/workers/${talk.speakers[0]!.slug}/"]`).click()
    await page.waitForURL(`**/workers/${talk.speakers[0]!.slug}/`)
    expect(await page.locator('h1').textContent()).toBe(talk.speakers[0]!.name)
    expect(thirdParty(requests, site.origin)).toEqual([])
  })

  it('keeps talks at one venue reachable: apart on a ring at the top zoom, each opens from the list', async () => {
    const groups = Map.groupBy(
      talks.filter((t) => t.location),
      (t) => `${t.location!.lat},${t.location!.lng}`,
    )
    const together = [...groups.values()].sort((a, b) => b.length - a.length)[0]!
    expect(together.length).toBeGreaterThan(1)
    const { page } = await openMap(site.browser, `${site.origin}/map/`)
    const centres: [number, number][] = []
    for (const talk of together) {
      await page.locator(`li[data-talk-id="${talk._id}"] [data-locate]`).click()
      await page.locator(`[data-popup-talk="${talk._id}"]`).waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('talk-marker'))).toBe(true)
      centres.push(
        await page.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect()
          return [r.x + r.width / 2, r.y + r.height / 2] as [number, number]
        }),
      )
    }
    // None hides another: each pair is a touch target (24 px) apart.
    for (let a = 0; a < centres.length; a++)
      for (let b = a + 1; b < centres.length; b++)
        expect(Math.hypot(centres[a]![0] - centres[b]![0], centres[a]![1] - centres[b]![1])).toBeGreaterThanOrEqual(24)
  })

  it('points to the full talk list without JavaScript', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/map/`, { javaScript: false })
    expect(await page.locator('[role="status"]').textContent()).toContain('共 213 场报告会')
    // Filters that could not act are not shown.
    expect(await page.locator('[data-map-filters]').isVisible()).toBe(false)
    // The list beside the map is the island's: without JavaScript, /talks/ lists (and filters) them all.
    const link = page.locator('[data-map-noscript] a')
    expect(await link.getAttribute('href')).toBe('/talks/')
    await link.click()
    await page.waitForURL('**/talks/')
    expect(await page.locator('#talk-list [data-filter-item]').count()).toBe(213)
  })

  it('has no axe-core violations', async () => {
    const { page } = await openMap(site.browser, `${site.origin}/map/`)
    const violations = await axeViolations(page)
    expect(violations).toEqual([])
  })

  it('has touch-sized targets on a phone: markers, clusters, list buttons (axe target-size); the list waits to be scrolled to', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 } })
    try {
      const page = await context.newPage()
      await page.goto(`${site.origin}/map/`)
      await page.waitForFunction(() => window.__laomoMap !== undefined)
      // The list is below the map on a phone: it is rendered only when the reader scrolls to it.
      await page.evaluate(() => window.__laomoMap!.textLoaded())
      const items = page.locator('[data-talk-list] li[data-talk-id]')
      expect(await items.count()).toBe(0)
      await page.locator('[data-talk-list-scroll]').scrollIntoViewIfNeeded()
      await page.evaluate(() => window.__laomoMap!.drawn())
      expect(await items.count()).toBe(213)
      await page.locator('[data-talk-map]').scrollIntoViewIfNeeded()
      // The whole province: clusters.
      expect(await page.locator('.marker-cluster').count()).toBeGreaterThan(0)
      expect(await axeViolations(page, ['target-size'])).toEqual([])
      // Zoomed in until one talk's marker stands alone: the markers themselves.
      await page.evaluate(() => window.__laomoMap!.showTalk(window.__laomoMap!.markerIds()[0]!))
      await expect.poll(() => page.locator('.talk-marker').count()).toBeGreaterThan(0)
      await page.waitForTimeout(500) // the zoom animation
      expect(await axeViolations(page, ['target-size'])).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('talk map with Gaode tiles (second build: PUBLIC_MAP_PROVIDER=gaode, PUBLIC_MAP_APPROVAL), production server', () => {
  const outDir = path.resolve(process.env.LAOMO_GAODE_OUT_DIR || 'dist-gaode')
  const APPROVAL = 'GS(2099)0000号'
  const state = {} as { origin: string; close: () => Promise<void> }
  beforeAll(async () => {
    execFileSync('npx', ['astro', 'build'], {
      env: {
        ...process.env,
        LAOMO_OUT_DIR: outDir,
        LAOMO_EMBED_STUDIO: '0',
        PUBLIC_MAP_PROVIDER: 'gaode',
        PUBLIC_MAP_APPROVAL: APPROVAL,
      },
      stdio: 'ignore',
    })
    const inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-gaode-')), 'talk-requests.ndjson')
    const server = await startServer({ inbox, outDir })
    state.origin = server.origin
    state.close = () => server.stop()
  })
  afterAll(() => state.close?.())

  it('draws markers at the WGS84→GCJ-02 converted position', async () => {
    const context = await site.browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    const tileHosts: string[] = []
    const violations: string[] = []
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(m.text())
    })
    // No real tile traffic from tests: record and abort requests to the provider.
    await page.route(/autonavi\.com/, (route) => {
      tileHosts.push(new URL(route.request().url()).host)
      return route.abort()
    })
    const response = await page.goto(`${state.origin}/map/`)
    await page.waitForFunction(() => window.__laomoMap !== undefined)
    await page.evaluate(() => window.__laomoMap!.drawn())
    // The policy allows the configured provider's tiles (else Chromium would block them before the route).
    expect(await response!.headerValue('content-security-policy')).toContain('https://webrd01.is.autonavi.com')
    expect(tileHosts.length).toBeGreaterThan(0)
    expect(violations).toEqual([])
    for (const talk of talks.filter((t) => t.location).slice(0, 5)) {
      const [lng, lat] = gcoord.transform([talk.location!.lng, talk.location!.lat], gcoord.WGS84, gcoord.GCJ02)
      const shown = await page.evaluate((id) => window.__laomoMap!.latLngOf(id), talk._id)
      expect(shown!.lat).toBeCloseTo(lat!, 5)
      expect(shown!.lng).toBeCloseTo(lng!, 5)
      expect(Math.abs(shown!.lat - talk.location!.lat) + Math.abs(shown!.lng - talk.location!.lng)).toBeGreaterThan(
        1e-4,
      )
    }
    const attribution = await page.locator('.leaflet-control-attribution').textContent()
    expect(attribution).toContain('高德地图')
    expect(attribution).toContain(`审图号：${APPROVAL}`)
    // Tiles failed (aborted): the bundled outline still shows and the reader is told.
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-map-tile-note]').isVisible()).toBe(true)
    await context.close()
  })
})
