/**
 * The talk map's finish, at a phone's and a desktop's size: the province fills the map box; seat
 * labels never sit under a cluster, a marker or another label (first view, after a filter, zoomed
 * in); county seats come only when zoomed in, loaded then; the legend's cluster is the clusters'
 * colour; popup links in the site's colours with a visible focus; Enter on a cluster keeps the
 * keyboard in the map; every control and link in the map is named in Chinese.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '#domain/region'
import { COUNTY_SEAT_ZOOM } from '#domain/map/baseLayers'
import { thirdParty, useSite } from './harness'
import { openAt, VIEWPORTS, type Viewport } from './viewports'

const COUNTIES = PREFECTURES.flatMap((p) => p.counties).length

const site = useSite()

/**
 * /map/ at a viewport, once its markers are drawn (the list, below the map on a phone, may wait) and
 * all talks' data is in (as after a reader's first move: moves below then are drawn at once).
 */
async function openMap(viewport: Viewport, query = '') {
  const { page, requests, errors } = await openAt(site, `/map/${query}`, viewport)
  await page.waitForFunction(() => window.__laomoMapReady !== undefined)
  await page.evaluate(() => window.__laomoMapReady)
  await page.evaluate(() => window.__laomoMap!.full())
  await page.evaluate(() => window.__laomoMap!.textLoaded())
  await page.waitForSelector('[data-talk-map][data-ready="true"]', { state: 'attached' })
  return { page, requests, errors }
}

/** Runs `move` and waits for the map to settle (Leaflet's moveend, listened for before the move, then a frame). */
async function moved(page: Page, move: () => Promise<unknown>) {
  type Waiting = { __moved?: Promise<unknown> }
  await page.evaluate(() => {
    ;(window as Waiting).__moved = new Promise((r) => window.__laomoMap!.map.once('moveend', r))
  })
  await move()
  await page.evaluate(() => (window as Waiting).__moved)
  await page.evaluate(() => new Promise(requestAnimationFrame))
}

/**
 * The seat labels in view (shown or hidden) and what they must not cover: boxes in page pixels.
 * A label hidden for no reason (it overlaps neither an obstacle nor a shown label) is reported too.
 */
function labelLayout(page: Page) {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number }
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect()
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
    }
    const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    const mapBox = box(document.querySelector('[data-talk-map]')!)
    const inView = (b: Box) => meet(b, mapBox)
    const seats = [...document.querySelectorAll('[data-talk-map] .laomo-seat')].filter((el) => inView(box(el)))
    const visible = seats.filter((el) => getComputedStyle(el).visibility === 'visible')
    const hidden = seats.filter((el) => getComputedStyle(el).visibility !== 'visible')
    const obstacles = [...document.querySelectorAll('[data-talk-map] .marker-cluster, [data-talk-map] .talk-marker')]
      .map(box)
      .filter(inView)
    const name = (el: Element) => el.textContent ?? ''
    const covered = visible.flatMap((el) => (obstacles.some((o) => meet(box(el), o)) ? [name(el)] : []))
    const clashing = visible.flatMap((a, i) =>
      visible.slice(i + 1).flatMap((b) => (meet(box(a), box(b)) ? [`${name(a)}/${name(b)}`] : [])),
    )
    const needlessly = hidden.flatMap((el) =>
      [...obstacles, ...visible.map(box)].some((o) => meet(box(el), o)) ? [] : [name(el)],
    )
    return {
      visible: visible.map(name),
      counties: visible.filter((el) => el.classList.contains('laomo-seat-county')).length,
      obstacles: obstacles.length,
      covered,
      clashing,
      needlessly,
    }
  })
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.trim().slice(1), 16)
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`
}

for (const viewport of VIEWPORTS) {
  describe(`talk map polish at ${viewport.width}×${viewport.height}`, () => {
    it('fits the province to the map box: its outline fills most of one dimension and stays inside', async () => {
      const { page, requests, errors } = await openMap(viewport)
      const { map, outline } = await page.evaluate(() => {
        const rect = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect
        return {
          map: rect(document.querySelector('[data-talk-map]')!),
          outline: rect(document.querySelector('[data-talk-map] .leaflet-overlay-pane svg')!),
        }
      })
      const ratio = Math.max(outline.width / map.width, outline.height / map.height)
      expect(ratio).toBeGreaterThanOrEqual(0.8)
      expect(outline.left).toBeGreaterThanOrEqual(map.left)
      expect(outline.right).toBeLessThanOrEqual(map.right)
      expect(outline.top).toBeGreaterThanOrEqual(map.top)
      expect(outline.bottom).toBeLessThanOrEqual(map.bottom)
      // Nothing fetched for the base layer from anywhere else; no CSP violation.
      expect(thirdParty(requests, site.origin)).toEqual([])
      expect(errors).toEqual([])
      await page.context().close()
    })

    it('keeps seat labels clear of clusters, markers and each other: first view, filtered, zoomed in and out', async () => {
      const { page, requests, errors } = await openMap(viewport)
      const first = await labelLayout(page)
      expect(first.obstacles).toBeGreaterThan(0)
      expect(first.visible.length).toBeGreaterThan(0)
      expect(first).toMatchObject({ covered: [], clashing: [], needlessly: [], counties: 0 })
      // No county seats yet, and their table is not loaded.
      expect(await page.locator('.laomo-seat-county').count()).toBe(0)
      const before = requests.length

      // A filter moves the clusters: the labels follow.
      await page.selectOption('select[name="type"]', 'school')
      await page.waitForSelector('[data-talk-map][data-ready="true"]', { state: 'attached' })
      expect(await labelLayout(page)).toMatchObject({ covered: [], clashing: [], needlessly: [] })
      await page.selectOption('select[name="type"]', '')

      // Zoomed in on the most talks: county seats, labelled, loaded now and only now.
      const centre = await page.evaluate(() => {
        const l = window.__laomoMap!.latLngOf(window.__laomoMap!.markerIds()[0]!)!
        return [l.lat, l.lng] as [number, number]
      })
      await moved(page, () => page.evaluate((c) => window.__laomoMap!.map.setView(c, 8, { animate: false }), centre))
      await expect.poll(() => page.locator('.laomo-seat-county').count()).toBe(COUNTIES)
      expect(requests.slice(before).some((url) => /\.js(\?|$)/.test(url))).toBe(true)
      const zoomed = await labelLayout(page)
      expect(zoomed.counties).toBeGreaterThan(0)
      expect(zoomed).toMatchObject({ covered: [], clashing: [], needlessly: [] })
      // Back out past the threshold: the county seats go again.
      await moved(page, () =>
        page.evaluate((z) => window.__laomoMap!.map.setZoom(z - 1.5, { animate: false }), COUNTY_SEAT_ZOOM),
      )
      expect(await page.locator('.laomo-seat-county').count()).toBe(0)
      expect(await labelLayout(page)).toMatchObject({ covered: [], clashing: [], needlessly: [] })
      expect(thirdParty(requests, site.origin)).toEqual([])
      expect(errors).toEqual([])
      await page.context().close()
    })

    it('draws the legend’s cluster in the clusters’ colours', async () => {
      const { page } = await openMap(viewport)
      const colours = await page.evaluate(() => {
        const style = (el: Element) => {
          const inner = getComputedStyle(el.querySelector('span')!)
          return [getComputedStyle(el).backgroundColor, inner.backgroundColor, inner.color].join(' ')
        }
        return {
          legend: style(document.querySelector('.legend-cluster')!),
          clusters: [...document.querySelectorAll('[data-talk-map] .marker-cluster')].map(style),
        }
      })
      expect(colours.clusters.length).toBeGreaterThan(0)
      expect(new Set(colours.clusters)).toEqual(new Set([colours.legend]))
      await page.context().close()
    })

    it('opens a popup whose links are in the site’s link colour with a visible focus, and names everything in the map in Chinese', async () => {
      const probe = await openMap(viewport)
      const id = await probe.page.evaluate(() => window.__laomoMap!.markerIds()[0]!)
      await probe.page.context().close()
      const { page, errors } = await openMap(viewport, `?talk=${encodeURIComponent(id)}`)
      const popup = page.locator(`[data-popup-talk="${id}"]`)
      await expect.poll(() => popup.count()).toBe(1)
      const linkColour = rgb(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--red-dark')))
      const colours = await popup.locator('a').evaluateAll((links) => links.map((a) => getComputedStyle(a).color))
      expect(colours.length).toBeGreaterThan(0)
      expect(new Set(colours)).toEqual(new Set([linkColour]))
      // Focus from the keyboard: back to the previous control and forward again onto the title link.
      const title = popup.locator('.talk-popup-title a')
      await title.focus()
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Tab')
      expect(await title.evaluate((a) => a === document.activeElement)).toBe(true)
      const outline = await title.evaluate((a) => {
        const s = getComputedStyle(a)
        return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) }
      })
      expect(outline.style).not.toBe('none')
      expect(outline.width).toBeGreaterThanOrEqual(2)

      // Every button and link in the map (zoom, popup close, popup links, markers, clusters) has a Chinese name.
      const snapshot = await page.locator('[data-talk-map]').ariaSnapshot()
      const controls = [...snapshot.matchAll(/^\s*- (button|link)(?: "([^"]*)")?/gm)].map((m) => ({
        role: m[1],
        name: m[2] ?? '',
      }))
      expect(controls.length).toBeGreaterThan(3)
      expect(controls.filter((c) => !/\p{Script=Han}/u.test(c.name))).toEqual([])
      const names = controls.map((c) => c.name)
      expect(names).toEqual(expect.arrayContaining(['放大', '缩小', '关闭']))
      // Leaflet's own English names are gone from the page (title attributes included).
      expect(await page.locator('[data-talk-map] [title="Close popup"], [aria-label="Close popup"]').count()).toBe(0)
      expect(errors).toEqual([])
      await page.context().close()
    })

    it('keeps the keyboard in the map after Enter on a cluster', async () => {
      const { page } = await openMap(viewport)
      const zoom = () => page.evaluate(() => window.__laomoMap!.map.getZoom())
      const before = await zoom()
      const cluster = page.locator('[data-talk-map] .marker-cluster').first()
      await cluster.focus()
      await moved(page, () => page.keyboard.press('Enter'))
      expect(await zoom()).toBeGreaterThan(before)
      const focused = await page.evaluate(() => {
        const el = document.activeElement!
        return {
          body: el === document.body,
          inMap: el.closest('[data-talk-map]') !== null,
          marker: el.matches('.talk-marker, .marker-cluster'),
          connected: el.isConnected,
        }
      })
      expect(focused).toEqual({ body: false, inMap: true, marker: true, connected: true })
      // And the keyboard goes on from there: Enter again zooms in further or opens a talk's popup.
      const level = await zoom()
      const isCluster = await page.evaluate(() => document.activeElement!.matches('.marker-cluster'))
      if (isCluster) {
        await moved(page, () => page.keyboard.press('Enter'))
        expect(await zoom()).toBeGreaterThan(level)
      } else {
        await page.keyboard.press('Enter')
        await expect.poll(() => page.locator('[data-popup-talk]').count()).toBe(1)
      }
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true)
      await page.context().close()
    })
  })
}
