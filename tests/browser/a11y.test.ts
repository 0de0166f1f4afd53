/** Every page type in Chromium: axe-core reports nothing, no third-party request, sound head and landmarks. */
import { describe, expect, it } from 'vitest'
import { axeViolations, openPage, thirdParty, useSite } from './harness'
import { pageTypes } from './expected'

const site = useSite()
const urls = await pageTypes()

describe('every page type: 0 axe violations, nothing from third parties, the expected head and landmarks', () => {
  it.each(Object.entries(urls))('%s %s', async (name, url) => {
    const failures: string[] = []
    {
      const { page, requests, errors } = await openPage(site.browser, `${site.origin}${url}`)
      if (name === 'search') await page.locator('[data-search-results] li').first().waitFor()
      for (const v of await axeViolations(page)) failures.push(`${name} ${url}: ${v}`)
      const outside = thirdParty(requests, site.origin)
      if (outside.length) failures.push(`${name}: third-party requests ${outside.join(', ')}`)
      // The 404 page's own response status is logged as a console error.
      if (name === 'notFound') errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('404')))
      if (errors.length) failures.push(`${name}: console errors ${errors.join(' | ')}`)

      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
        ogImage: document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
        twitterImage: document.querySelector('meta[name="twitter:image"]')?.getAttribute('content'),
        skip: document.querySelector('a')?.getAttribute('href'),
        landmarks: ['header', 'nav', 'main', 'footer'].filter((t) => document.querySelector(t)),
        h1: document.querySelectorAll('h1').length,
        levels: [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) =>
          Number(h.tagName[1]),
        ),
      }))
      expect(facts.lang, name).toBe('zh-CN')
      // The 404 page is noindex and names no canonical address (it has none).
      if (name === 'notFound') expect(facts.canonical, name).toBeUndefined()
      else expect(facts.canonical, name).toMatch(/^https?:\/\//)
      expect(facts.ogImage, name).toMatch(/^https?:\/\/.+\.(png|jpe?g|webp)$/)
      expect(facts.twitterImage, name).toBe(facts.ogImage)
      expect(facts.skip, name).toBe('#main')
      expect(facts.landmarks, name).toEqual(['header', 'nav', 'main', 'footer'])
      expect(facts.h1, name).toBe(1)
      facts.levels.forEach((level, i) => {
        if (i > 0 && level > facts.levels[i - 1]! + 1)
          failures.push(`${name}: heading h${level} after h${facts.levels[i - 1]}`)
      })
      // Only the filtered lists, search and the gallery's large view ship scripts; pages with 分享 its 复制链接 alone.
      const scripts = await page.locator('script[src], script[type=module]').count()
      const shares = await page.locator('[data-share]').count()
      if (!['workers', 'talks', 'search', 'photos'].includes(name) && scripts > Math.min(shares, 1))
        failures.push(`${name}: ships ${scripts} script(s)`)
      await page.context().close()
    }
    expect(failures).toEqual([])
  })
})

describe('keyboard', () => {
  it('shows a visible focus ring on the skip link', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/`)
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const style = getComputedStyle(el)
      const box = el.getBoundingClientRect()
      return { href: el.getAttribute('href'), outline: style.outlineStyle, top: box.top }
    })
    expect(focused.href).toBe('#main')
    expect(focused.outline).not.toBe('none')
    expect(focused.top).toBeGreaterThanOrEqual(0)
    await page.context().close()
  })
})
