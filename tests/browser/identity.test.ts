/**
 * The site's public face in Chromium, on a phone (390×844) and a desktop (1366×900): a compact masthead
 * with logo, title and organisation; one main navigation behind a 菜单 disclosure on phones (keyboard,
 * screen reader and no-JavaScript operable) and inline on desktops; the sample notice folded to one
 * line; the home page led by its lead story; the footer's copyright. Expectations come from the
 * dataset the site was built from (through the real GROQ engine), not from its sample values.
 */
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openPage, thirdParty, useSite } from './harness'
import { groq } from './expected'
import { VIEWPORTS, type Viewport } from './viewports'

const site = useSite()

/**
 * Header plus folded sample notice on a phone: a 48 px mark with padding (~64 px) and one line of notice
 * (~30 px) come to ~95 px; 120 px leaves room for font metrics but not for a second line of either (the
 * nine wrapped menu items and the full notice took 214 px).
 */
const PHONE_CHROME_MAX = 120

let settings: { title: string; organisation: string; isSample: boolean }
let lead: { slug: string; title: string; hasImage: boolean } | null
let photos: number
beforeAll(async () => {
  const s = await groq<{ title: string; organisation: string } | null>(
    `*[_id == "siteSettings"][0]{ title, organisation }`,
  )
  // The build shows the notice exactly when it reads the bundled sample dataset (the default here).
  settings = { title: s!.title, organisation: s!.organisation, isSample: !process.env.LAOMO_DATASET }
  lead = await groq(
    `coalesce(*[_type == "story" && defined(mainImage)] | order(publishedAt desc)[0], *[_type == "story"] | order(publishedAt desc)[0]){
      "slug": slug.current, title, "hasImage": defined(mainImage)
    }`,
  )
  photos = await groq<number>(`count(*[_type == "photo"])`)
})

/** A page in a fresh context of the given size; CSP violations and page errors are collected. */
const open = (browser: Browser, url: string, viewport: Viewport, javaScript = true) =>
  openPage(browser, url, { javaScript, viewport })

type AXNode = {
  ignored: boolean
  role?: { value: string }
  name?: { value: string }
  properties?: { name: string; value: { value: unknown } }[]
}

/** Chromium's accessibility tree (what screen readers get): named nodes, text leaves left out. */
async function axNodes(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
  await cdp.detach()
  return nodes.filter((n) => !n.ignored && !['StaticText', 'InlineTextBox'].includes(n.role?.value ?? ''))
}

/** The menu button's role and expanded state as the accessibility tree exposes them. */
async function menuExpanded(page: Page): Promise<{ role: string; expanded: boolean | undefined }> {
  const button = (await axNodes(page)).filter((n) => n.name?.value === '菜单')
  expect(button).toHaveLength(1)
  const expanded = button[0]!.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined
  return { role: button[0]!.role!.value, expanded }
}

const navLinks = (page: Page) => page.locator('nav[aria-label="主导航"] a')
const allVisible = async (page: Page) => await navLinks(page).evaluateAll((as) => as.map((a) => a.checkVisibility()))

describe.each(VIEWPORTS)('$name', (viewport) => {
  const phone = viewport.name === 'phone'

  it('one navigation landmark; the current page is marked', async () => {
    const { page, errors, requests } = await open(site.browser, `${site.origin}/stories/`, viewport)
    expect(await page.locator('nav').count()).toBe(1)
    expect(await page.getByRole('navigation').count()).toBe(1)
    expect(await page.locator('nav [aria-current="page"]').allTextContents()).toEqual(['报道'])
    expect(errors).toEqual([])
    expect(thirdParty(requests, site.origin)).toEqual([])
    await page.context().close()
  })

  it(phone ? 'a compact header: the menu is folded behind 菜单' : 'the whole menu inline, in one row', async () => {
    const { page } = await open(site.browser, `${site.origin}/`, viewport)
    const summary = page.locator('nav summary')
    const links = await navLinks(page).count()
    expect(links).toBe(9)
    if (phone) {
      const chrome = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().bottom)
      expect(chrome).toBeLessThanOrEqual(PHONE_CHROME_MAX)
      expect(await summary.isVisible()).toBe(true)
      expect(await allVisible(page)).toEqual(Array(links).fill(false))
    } else {
      expect(await summary.isVisible()).toBe(false)
      expect(await allVisible(page)).toEqual(Array(links).fill(true))
      const tops = await navLinks(page).evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)))
      expect(new Set(tops).size).toBe(1)
      // The masthead and the menu share that row too.
      const brand = await page.locator('[data-brand]').boundingBox()
      expect(brand!.y).toBeLessThan(tops[0]! + 30)
    }
    await page.context().close()
  })

  it('the menu opens and closes from the keyboard, its state in the accessibility tree', async () => {
    const { page } = await open(site.browser, `${site.origin}/`, viewport)
    // Tab from the top of the page until focus reaches the menu button (phone) or the first menu link (desktop).
    const target = phone ? 'nav summary' : 'nav a'
    let reached = false
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page
        .locator(target)
        .first()
        .evaluate((el) => el === document.activeElement)
    }
    expect(reached).toBe(true)
    if (phone) {
      expect(await menuExpanded(page)).toEqual({ role: 'DisclosureTriangle', expanded: false })
      await page.keyboard.press('Enter')
      expect((await menuExpanded(page)).expanded).toBe(true)
      expect(await allVisible(page)).toEqual(Array(9).fill(true))
      // The open list lies over the page: the content below does not move.
      const mainTop = await page.locator('main').evaluate((m) => m.getBoundingClientRect().top)
      expect(mainTop).toBeLessThanOrEqual(PHONE_CHROME_MAX)
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('首页')
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Space')
      expect((await menuExpanded(page)).expanded).toBe(false)
      expect(await allVisible(page)).toEqual(Array(9).fill(false))
    } else {
      // No menu button; the links are in the accessibility tree although the disclosure is closed.
      const nodes = await axNodes(page)
      expect(nodes.filter((n) => n.name?.value === '菜单')).toEqual([])
      const labels = await navLinks(page).allTextContents()
      const exposed = nodes.filter((n) => n.role?.value === 'link' && labels.includes(n.name?.value ?? ''))
      expect(exposed.map((n) => n.name!.value)).toEqual(labels)
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('首页')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('劳模风采')
    }
    await page.context().close()
  })

  it('the menu works with JavaScript disabled', async () => {
    const { page } = await open(site.browser, `${site.origin}/talks/`, viewport, false)
    if (phone) {
      await page.locator('nav summary').click()
      expect(await allVisible(page)).toEqual(Array(9).fill(true))
      await page.getByRole('link', { name: '劳模进校园' }).first().click()
      await page.waitForURL('**/schools/')
      expect(await page.locator('nav [aria-current="page"]').textContent()).toBe('劳模进校园')
      expect(await allVisible(page)).toEqual(Array(9).fill(false))
    } else {
      expect(await allVisible(page)).toEqual(Array(9).fill(true))
    }
    await page.context().close()
  })

  it('the sample notice is one line until opened', async () => {
    const { page } = await open(site.browser, `${site.origin}/`, viewport)
    const notice = page.locator('[data-sample-notice]')
    if (!settings.isSample) {
      expect(await notice.count()).toBe(0)
      await page.context().close()
      return
    }
    const full = notice.locator('details > p')
    const summary = notice.locator('summary')
    const lineHeight = await summary.evaluate((s) => parseFloat(getComputedStyle(s).lineHeight))
    const summaryBox = await summary.boundingBox()
    expect(summaryBox!.height).toBeLessThan(lineHeight * 2)
    expect(await full.isVisible()).toBe(false)
    await summary.click()
    expect(await full.isVisible()).toBe(true)
    expect(await full.textContent()).toContain('虚构')
    await summary.click()
    expect(await full.isVisible()).toBe(false)
    await page.context().close()
  })

  it('masthead: logo with alt text, the title and the organisation from the settings', async () => {
    const { page } = await open(site.browser, `${site.origin}/workers/`, viewport)
    const logo = page.locator('[data-brand] img')
    expect((await logo.getAttribute('alt'))?.trim()).toBeTruthy()
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await logo.isVisible()).toBe(true)
    expect(await page.locator('[data-brand] .site-title').textContent()).toBe(settings.title)
    expect(await page.locator('[data-brand] [data-organisation]').textContent()).toBe(settings.organisation)
    expect(await page.locator('[data-brand] [data-organisation]').isVisible()).toBe(true)
    expect(await page.locator('[data-brand]').getAttribute('href')).toBe('/')
    await page.context().close()
  })

  it('footer: copyright with the build year (China time) and the organisation running the site', async () => {
    const { page } = await open(site.browser, `${site.origin}/photos/`, viewport)
    const now = new Date(process.env.LAOMO_NOW || Date.now())
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now)
    const footer = (await page.locator('footer').innerText()).replace(/\s+/g, ' ')
    expect(footer).toContain(`版权所有 © ${year} ${settings.organisation}`)
    expect(footer).toContain(`主办单位：${settings.organisation}`)
    await page.context().close()
  })

  it('home: the lead story comes first and opens its page; then photos and dated lists', async () => {
    const { page, errors } = await open(site.browser, `${site.origin}/`, viewport)
    const first = page.locator('main section').first()
    expect(lead).not.toBeNull()
    expect(await first.getAttribute('data-lead-story')).toBe(lead!.slug)
    expect(await first.locator('h2').textContent()).toBe(lead!.title)
    expect(await first.locator('time[datetime]').count()).toBe(1)
    if (lead!.hasImage) {
      const img = first.locator('img')
      expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true)
      expect(await img.isVisible()).toBe(true)
    }
    // On both screens the lead starts within the first screenful.
    expect((await first.boundingBox())!.y).toBeLessThan(viewport.height / 3)
    const href = (await first.locator('h2 a').getAttribute('href'))!
    expect((await fetch(`${site.origin}${href}`)).status).toBe(200)
    await first.locator('h2 a').click()
    await page.waitForURL(`**${href}`)
    expect(await page.locator('h1').textContent()).toBe(lead!.title)

    await page.goto(`${site.origin}/`)
    const strip = page.locator('[data-photo-strip] a')
    expect(await strip.count()).toBe(Math.min(6, photos))
    for (const link of await strip.all()) {
      expect((await fetch(`${site.origin}${await link.getAttribute('href')}`)).status).toBe(200)
      expect(await link.locator('img').getAttribute('alt')).toBeTruthy()
    }
    for (const list of ['[data-latest-stories] li', '[data-upcoming] li'])
      for (const item of await page.locator(list).all())
        expect(await item.locator('time[datetime]').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('axe finds nothing with the menu and the notice open', async () => {
    const { page } = await open(site.browser, `${site.origin}/`, viewport)
    if (phone) await page.locator('nav summary').click()
    if (settings.isSample) await page.locator('[data-sample-notice] summary').click()
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  it('nothing runs off the side of the screen', async () => {
    for (const path of ['/', '/stories/', '/schools/']) {
      const { page } = await open(site.browser, `${site.origin}${path}`, viewport)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
      await page.context().close()
    }
  })
})
