/**
 * 长辈模式 in Chromium: every page type at 390 px in the mode (text ≥ 18 px, body text ≥ 7:1, targets
 * ≥ 44 × 44, no horizontal scroll, no overlapping text, no text over images); the choice kept across
 * pages and on <html> before the body is parsed (no flash); the header's button; and without JavaScript,
 * the address form the design promises (site/components/elderMode.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, useSite } from './harness'
import { readerFailures, readerPages, settle } from './reader'

const site = useSite()
const urls = await readerPages()
const PHONE = { width: 390, height: 844 }
const withMode = (url: string, mode: string) => {
  const u = new URL(url, 'http://x')
  u.searchParams.set('mode', mode)
  return `${u.pathname}${u.search}${u.hash}`
}

/** The <html> classes when <body> first appears and at DOMContentLoaded, recorded by the browser itself. */
async function recordClasses(page: Page) {
  await page.context().addInitScript(() => {
    const seen: Record<string, string> = {}
    ;(window as unknown as { __modes: typeof seen }).__modes = seen
    new MutationObserver((_, observer) => {
      if (!document.body) return
      seen.body = document.documentElement.className
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
    document.addEventListener('DOMContentLoaded', () => (seen.ready = document.documentElement.className))
  })
}
const classesAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { __modes: Record<string, string> }).__modes)
const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)

describe('every page type in 长辈模式 at 390 px', () => {
  it.each(Object.entries(urls))('%s %s', async (name, url) => {
    const { page, errors } = await openPage(site.browser, `${site.origin}${withMode(url, 'elder')}`, {
      viewport: PHONE,
    })
    await settle(page, name)
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    const failures = await readerFailures(page, { minFont: 18, minContrast: 7, minTarget: 44, noTextOverImages: true })
    expect(failures, `${name} ${url}`).toEqual([])
    if (name !== 'notFound') expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('the choice', () => {
  it('is made by the header button (aria-pressed), kept across pages and on <html> before the body is drawn', async () => {
    const { page } = await openPage(site.browser, `${site.origin}${urls.talks}`, { viewport: PHONE })
    await recordClasses(page)
    const button = page.getByRole('button', { name: '长辈模式' })
    expect(await button.getAttribute('aria-pressed')).toBe('false')
    const standard = await rootFontSize(page)
    await button.click()
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    const elder = await rootFontSize(page)
    expect(Number.parseFloat(elder)).toBeGreaterThanOrEqual(18)
    expect(Number.parseFloat(elder)).toBeGreaterThan(Number.parseFloat(standard))

    // Another page, reached by a link: elder from the first moment the body exists.
    await page.locator('[data-nav-menu] summary').click()
    await page.locator('header nav a').filter({ hasText: '报道' }).click()
    await page.waitForURL(`**${urls.stories}`)
    expect((await classesAt(page)).body).toContain('elder')
    expect((await classesAt(page)).ready).toContain('elder')
    expect(await page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true')
    expect(await rootFontSize(page)).toBe(elder)

    // Off again: the next page is standard from the start, even with #elder's old address form gone.
    await page.getByRole('button', { name: '长辈模式' }).click()
    await page.goto(`${site.origin}${urls.profile}`)
    expect((await classesAt(page)).body).not.toContain('elder')
    expect(await rootFontSize(page)).toBe(standard)

    // The address wins over the kept choice, and is kept in turn.
    await page.goto(`${site.origin}${withMode(urls.tours, 'elder')}`)
    expect((await classesAt(page)).body).toContain('elder')
    await page.goto(`${site.origin}${urls.home}`)
    expect((await classesAt(page)).body).toContain('elder')
    await page.goto(`${site.origin}${withMode(urls.home, 'standard')}`)
    expect((await classesAt(page)).body).not.toContain('elder')
    await page.context().close()
  })

  it('works without JavaScript through the address (?mode=elder#elder), on that page', async () => {
    const open = (url: string) =>
      openPage(site.browser, `${site.origin}${url}`, { viewport: PHONE, javaScript: false }).then((r) => r.page)
    const page = await open(urls.talk)
    const standard = await rootFontSize(page)
    // The control is a link when no script runs.
    const on = page.getByRole('link', { name: '长辈模式' })
    expect(await on.isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: '长辈模式' }).isVisible()).toBe(false)
    await on.click()
    await page.waitForURL(/mode=elder#elder$/)
    const elder = await rootFontSize(page)
    expect(Number.parseFloat(elder)).toBeGreaterThan(Number.parseFloat(standard))
    expect(Number.parseFloat(elder)).toBeGreaterThanOrEqual(18)
    const failures = await readerFailures(page, { minFont: 18, minContrast: 7, minTarget: 44 })
    expect(failures).toEqual([])
    // And back.
    const off = page.getByRole('link', { name: '标准模式' })
    expect(await off.isVisible()).toBe(true)
    await off.click()
    await page.waitForURL(/mode=standard$/)
    expect(await rootFontSize(page)).toBe(standard)
    await page.context().close()

    // Any page opened at the address directly.
    const direct = await open(`${withMode(urls.stats, 'elder')}#elder`)
    expect(await rootFontSize(direct)).toBe(elder)
    await direct.context().close()
  })
})
