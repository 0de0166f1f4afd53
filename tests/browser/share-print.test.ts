/**
 * Issue 27 in Chromium: the footer a Chinese public site carries (filing numbers from the settings, the
 * 网站地图 and a prefilled 纠错 email on every page type), the 分享 control (its QR code, read back as a
 * phone's scanner would, opens the page; 复制链接 puts the address on the clipboard, or selects it), and
 * print: profiles, talks and stories on paper without the site's chrome, keeping every caption. The pages
 * tried are found in the build by type: the ones with the most figures.
 */
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { MIIT_BEIAN_URL } from '#domain/filing'
import { SITE_MAP_PAGE_PATH } from '#domain/paths'
import { groq, pageTypes } from './expected'
import { openPage, thirdParty, useSite } from './harness'

const site = useSite()
const get = async (path: string) => (await fetch(new URL(path, site.origin))).text()
const figcaptions = (html: string) => html.split('<figcaption').length - 1

/** The page of each kind with the most figures, among every link to that kind on its list page. */
async function fullest(list: string, pattern: RegExp): Promise<string> {
  const hrefs = [...new Set([...(await get(list)).matchAll(/href="([^"#?]+)"/g)].map((m) => m[1]!))].filter((h) =>
    pattern.test(h),
  )
  expect(hrefs.length, list).toBeGreaterThan(0)
  const sized = await Promise.all(hrefs.map(async (href) => ({ href, figures: figcaptions(await get(href)) })))
  return sized.sort((a, b) => b.figures - a.figures || a.href.localeCompare(b.href))[0]!.href
}

let pages: Record<'profile' | 'talk' | 'story', string>
beforeAll(async () => {
  pages = {
    profile: await fullest('/workers/', /^\/workers\/[^/]+\/$/),
    talk: await fullest('/talks/', /^\/talks\/[^/]+\/$/),
    story: await fullest('/stories/', /^\/stories\/[^/]+\/$/),
  }
})

type Settings = Partial<Record<'icp' | 'psb' | 'siteCode' | 'operator' | 'correctionEmail' | 'bookingEmail', string>>

describe('the footer', () => {
  it('on every page type: 网站地图, the 纠错 mail about that page, and only the filings the settings hold', async () => {
    const settings = await groq<Settings>(`*[_id == "siteSettings"][0]`)
    const set = (v?: string) => (v?.trim() ? v.trim() : undefined)
    const to = set(settings.correctionEmail) ?? set(settings.bookingEmail)
    for (const [name, url] of Object.entries(await pageTypes())) {
      const { page, requests } = await openPage(site.browser, `${site.origin}${url}`)
      const footer = page.locator('footer.site-footer')
      expect(await footer.locator('a[data-site-map-link]').getAttribute('href'), name).toBe(SITE_MAP_PAGE_PATH)
      expect(await footer.locator('a[data-site-map-link]').textContent()).toBe('网站地图')
      const mailto = await footer.locator('a[data-correction-link]').getAttribute('href')
      if (!to) expect(mailto).toBeNull()
      else {
        const parsed = new URL(mailto!)
        expect(parsed.pathname).toBe(to)
        const full = await page.title()
        const title = full.includes(' · ') ? full.slice(0, full.lastIndexOf(' · ')) : full
        expect(parsed.searchParams.get('subject'), name).toBe(`纠错：${title}`)
        const canonical = await (await page.$('link[rel="canonical"]'))?.getAttribute('href')
        // The 404 page names no canonical address; its mail names the address it was built for.
        if (canonical) expect(parsed.searchParams.get('body')).toContain(`页面地址：${canonical}`)
      }
      const icp = set(settings.icp)
      expect(await footer.locator('a[data-icp]').count()).toBe(icp ? 1 : 0)
      if (icp) {
        expect(await footer.locator('a[data-icp]').getAttribute('href')).toBe(MIIT_BEIAN_URL)
        expect(await footer.locator('a[data-icp]').textContent()).toBe(icp)
      }
      const psb = set(settings.psb)
      expect(await footer.locator('a[data-psb]').count()).toBe(psb ? 1 : 0)
      if (psb)
        expect(await footer.locator('a[data-psb]').getAttribute('href')).toContain(`code=${/\d{14}/.exec(psb)?.[0]}`)
      for (const [field, attr, label] of [
        ['siteCode', 'data-site-code', '网站标识码：'],
        ['operator', 'data-operator', '承办单位：'],
      ] as const) {
        const value = set(settings[field])
        const shown = footer.locator(`[${attr}]`)
        expect(await shown.count(), `${name} ${field}`).toBe(value ? 1 : 0)
        if (value) expect(await shown.textContent()).toBe(`${label}${value}`)
      }
      // The registries are links, not requests: nothing is fetched from them (or anywhere else).
      expect(thirdParty(requests, site.origin), name).toEqual([])
      await page.context().close()
    }
  })

  it('reaches a 网站地图 whose every link answers, listing each profile and story in the build', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/`)
    await page.locator('footer a[data-site-map-link]').click()
    await page.waitForURL(`**${SITE_MAP_PAGE_PATH}`)
    expect(await page.locator('h1').textContent()).toBe('网站地图')
    const hrefs = [
      ...new Set(await page.$$eval('[data-site-map] a[href]', (as) => as.map((a) => a.getAttribute('href')!))),
    ]
    for (const href of hrefs) expect((await fetch(new URL(href, site.origin))).status, href).toBe(200)
    // Short lists are listed in full: every link the list pages have to a profile or a story.
    for (const [list, pattern] of [
      ['/workers/', /^\/workers\/[^/]+\/$/],
      ['/stories/', /^\/stories\/[^/]+\/$/],
    ] as const) {
      const listed = new Set([...(await get(list)).matchAll(/href="([^"#?]+)"/g)].map((m) => m[1]!))
      for (const href of [...listed].filter((h) => pattern.test(h))) expect(hrefs, href).toContain(href)
    }
    await page.context().close()
  })
})

async function scanQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('[data-share] .qr-code').screenshot()
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data
}

describe('分享', () => {
  it('without JavaScript: the disclosure opens on the QR code and the address, which scans to the page', async () => {
    for (const [kind, path] of Object.entries(pages)) {
      const { page } = await openPage(site.browser, `${site.origin}${path}`, { javaScript: false })
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
      const share = page.locator('details[data-share]')
      expect(await share.count(), kind).toBe(1)
      expect(await share.locator('.qr-code').isVisible()).toBe(false)
      await share.locator('summary').click()
      expect(await share.locator('.qr-code').isVisible(), kind).toBe(true)
      expect(await scanQr(page), kind).toBe(canonical)
      expect(await share.locator('input[data-share-url]').inputValue()).toBe(canonical)
      expect(await share.locator('button[data-share-copy]').isVisible(), 'no copy button without JS').toBe(false)
      // What WeChat and QQ read from a pasted link: the name, the description and an absolute image.
      for (const prop of ['name', 'description'])
        expect(await page.locator(`meta[itemprop="${prop}"]`).getAttribute('content')).toBeTruthy()
      const image = await page.locator('meta[itemprop="image"]').getAttribute('content')
      if (image) expect(new URL(image).origin).toBe(new URL(canonical!).origin)
      await page.context().close()
    }
  })

  it('复制链接 puts the address on the clipboard and says so; without the Clipboard API it selects it', async () => {
    const { page } = await openPage(site.browser, `${site.origin}${pages.talk}`)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin })
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
    const share = page.locator('details[data-share]')
    await share.locator('summary').click()
    await share.locator('button[data-share-copy]').click()
    await expect.poll(() => share.locator('[role="status"]').textContent()).toBe('已复制')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical)

    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } })
    })
    await share.locator('button[data-share-copy]').click()
    await expect.poll(() => share.locator('[role="status"]').textContent()).toContain('已选中网址')
    const selected = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-share-url]')!
      return input.value.slice(input.selectionStart!, input.selectionEnd!)
    })
    expect(selected).toBe(canonical)
    await page.context().close()
  })
})

/** Text only the site's chrome and the screen's controls carry: none of it may reach paper. */
const CHROME = [
  '跳到正文',
  '劳模风采',
  '宣讲地图',
  '版权所有',
  '网站地图',
  '纠错',
  '复制链接',
  '微信扫一扫',
  '打印简介',
]

describe('print', () => {
  it('profiles, talks and stories print without navigation or controls, keeping every caption', async () => {
    for (const [kind, path] of Object.entries(pages)) {
      const { page } = await openPage(site.browser, `${site.origin}${path}`, { viewport: { width: 794, height: 1123 } })
      // The mini map stays off paper (it is a link into the map page), and its caption with it.
      const captions = await page.$$eval('main figure:not([data-mini-map]) figcaption', (fs) =>
        fs.map((f) => (f as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      )
      await page.emulateMedia({ media: 'print' })
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      expect(pdf.subarray(0, 5).toString(), kind).toBe('%PDF-')
      const text = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ')
      for (const words of CHROME) expect(text, `${kind} ${path}: ${words}`).not.toContain(words)
      for (const caption of captions) expect(text, `${kind} ${path}: caption`).toContain(caption)
      const layout = await page.evaluate(() => {
        const width = document.querySelector('main')!.getBoundingClientRect().width
        const wide = [...document.querySelectorAll('main img')].filter(
          (i) => i.getBoundingClientRect().width > width + 1,
        )
        const figures = [...document.querySelectorAll('main figure')].map((f) => getComputedStyle(f).breakInside)
        const link = document.querySelector<HTMLAnchorElement>('main a[href^="/"]:not(figure a, .card a)')
        const after = link ? getComputedStyle(link, '::after').content : null
        return { wide: wide.length, figures, href: link?.getAttribute('href'), after }
      })
      expect(layout.wide, `${kind}: images wider than the page`).toBe(0)
      expect(new Set(layout.figures), kind).toEqual(new Set(layout.figures.length ? ['avoid'] : []))
      if (layout.href) expect(layout.after, kind).toContain(layout.href)
      await page.context().close()
    }
  })
})
