/**
 * Zoom and reflow (WCAG 1.4.4, 1.4.10), and controls for fingers, on every page type in Chromium.
 *
 * 200 % zoom is emulated as a 1280 × 900 window at 200 %: a 640 × 450 CSS px viewport at
 * deviceScaleFactor 2 (what Chromium's page zoom gives the layout); reflow is a 320 CSS px wide window.
 * Both: no horizontal scroll (the map is drawn inside its own box), no overlapping or clipped text.
 * Controls: every form and filter control at least 16 px text and 44 × 44 px, in both modes, the photo
 * viewer's buttons included.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, useSite } from './harness'
import { controlFailures, readerFailures, readerPages, settle } from './reader'

const site = useSite()
const urls = await readerPages()

async function open(url: string, viewport: { width: number; height: number }, deviceScaleFactor = 1): Promise<Page> {
  const context = await site.browser.newContext({ viewport, deviceScaleFactor, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${site.origin}${url}`, { waitUntil: 'networkidle' })
  return page
}

describe.each([
  { name: '200% zoom (1280 px window)', viewport: { width: 640, height: 450 }, scale: 2 },
  { name: 'reflow at 320 px', viewport: { width: 320, height: 640 }, scale: 1 },
])('$name: every page type', ({ viewport, scale }) => {
  it.each(Object.entries(urls))('%s %s', async (name, url) => {
    const page = await open(url, viewport, scale)
    await settle(page, name)
    expect(await readerFailures(page, {}), `${name} ${url}`).toEqual([])
    // The menu, opened (over the page, on purpose), fits and its items do not run into each other.
    if (await page.locator('[data-nav-menu] summary').isVisible()) {
      await page.locator('[data-nav-menu] summary').click()
      const menu = await readerFailures(page, { within: '[data-nav-menu]' })
      expect(menu, `${name} ${url} with the menu open`).toEqual([])
    }
    await page.context().close()
  })
})

describe('form and filter controls: 16 px text, 44 × 44 px, in both modes', () => {
  it.each(Object.entries(urls))('%s %s', async (name, url) => {
    for (const mode of ['standard', 'elder']) {
      const sep = url.includes('?') ? '&' : '?'
      const { page } = await openPage(site.browser, `${site.origin}${url}${sep}mode=${mode}`, {
        viewport: { width: 390, height: 844 },
      })
      await settle(page, name)
      expect(await controlFailures(page), `${name} ${url} (${mode})`).toEqual([])
      if (name === 'photos') {
        // The large view's buttons, once open.
        await page.locator('[data-lightbox-open], .photo-link').first().click()
        await page.locator('dialog[open]').waitFor()
        expect(await controlFailures(page), `${name}: the large view (${mode})`).toEqual([])
      }
      await page.context().close()
    }
  })
})
