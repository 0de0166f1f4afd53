/**
 * Print views in Chromium (issue 26): every upcoming talk's A4 poster and every profile's 打印简介 print
 * on one page without the site's navigation, and their QR codes, read back from the page as a phone's
 * scanner would, open the page's own address. The longest posters and profiles in the build are the
 * ones tried, whatever the dataset.
 */
import jsQR from 'jsqr'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServeProcess } from '../../scripts/serve-process'
import { launchBrowser, openPage } from './harness'

let browser: Browser
let server: ServeProcess

beforeAll(async () => {
  const inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-print-')), 'talk-requests.ndjson')
  server = await startServer({ inbox })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Pages in a PDF Chromium wrote (its page objects are not compressed into object streams). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0

async function printed(page: Page) {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  const text = await page.evaluate(() => document.body.innerText)
  return { pages: pdfPages(pdf), text }
}

/** The QR code as drawn on the page, decoded from a screenshot. */
async function scanQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('.qr-code').screenshot()
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data
}

const canonicalOf = async (url: string) => {
  const html = await (await fetch(url)).text()
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]
}

/** Text only the site's chrome carries: none of it may reach paper. */
const CHROME = ['跳到正文', '劳模风采', '宣讲地图', '版权所有']

describe('talk posters', () => {
  it('print every upcoming talk’s poster on one A4 page, with a QR code that opens the talk', async () => {
    const { page: schools } = await openPage(browser, `${server.origin}/schools/`)
    const posters = await schools.$$eval('[data-upcoming-talk] a.poster-link', (as) =>
      as.map((a) => a.getAttribute('href')!),
    )
    expect(posters.length).toBeGreaterThan(0)
    // The longest first: the posters most likely to spill onto a second page.
    const sized = await Promise.all(
      posters.map(async (href) => ({ href, size: (await (await fetch(new URL(href, server.origin))).text()).length })),
    )
    const tried = sized.sort((a, b) => b.size - a.size).slice(0, 6)
    for (const { href } of tried) {
      const { page } = await openPage(browser, new URL(href, server.origin).href, {
        viewport: { width: 794, height: 1123 },
      })
      const talkUrl = new URL(href.replace(/poster\/$/, ''), server.origin).href
      const title = await page.locator('h1').textContent()
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex')
      expect(await page.locator('[data-poster] time[datetime]').count()).toBe(1)
      expect(await scanQr(page)).toBe(await canonicalOf(talkUrl))
      const { pages, text } = await printed(page)
      expect(pages, href).toBe(1)
      expect(text).toContain(title!)
      for (const words of CHROME) expect(text, `${href}: ${words}`).not.toContain(words)
      expect(text).not.toContain('打印海报')
    }
  })

  it('is linked from a planned talk’s page and left out of the sitemap', async () => {
    const { page: schools } = await openPage(browser, `${server.origin}/schools/`)
    const poster = (await schools.locator('[data-upcoming-talk] a.poster-link').first().getAttribute('href'))!
    const talk = poster.replace(/poster\/$/, '')
    const { page } = await openPage(browser, new URL(talk, server.origin).href)
    expect(await page.locator('a[data-poster-link]').getAttribute('href')).toBe(poster)
    const sitemap = await (await fetch(new URL('/sitemap-0.xml', server.origin))).text()
    expect(sitemap).toContain(`${talk}</loc>`)
    expect(sitemap).not.toMatch(/\/(poster|print)\/<\/loc>/)
  })
})

describe('打印简介', () => {
  it('prints the fullest profiles on one A4 page, with a QR code that opens the profile', async () => {
    const { page: list } = await openPage(browser, `${server.origin}/workers/`)
    const profiles = [
      ...new Set(await list.$$eval('a[href^="/workers/"]', (as) => as.map((a) => a.getAttribute('href')!))),
    ].filter((href) => /^\/workers\/[^/]+\/$/.test(href))
    expect(profiles.length).toBeGreaterThan(0)
    const sized = await Promise.all(
      profiles.map(async (href) => ({
        href,
        size: (await (await fetch(new URL(`${href}print/`, server.origin))).text()).length,
      })),
    )
    for (const { href } of sized.sort((a, b) => b.size - a.size).slice(0, 4)) {
      const { page: profile } = await openPage(browser, new URL(href, server.origin).href)
      expect(await profile.locator('a[data-print-link]').getAttribute('href')).toBe(`${href}print/`)
      const { page } = await openPage(browser, new URL(`${href}print/`, server.origin).href, {
        viewport: { width: 794, height: 1123 },
      })
      expect(await scanQr(page)).toBe(await canonicalOf(new URL(href, server.origin).href))
      const name = await page.locator('h1').textContent()
      const { pages, text } = await printed(page)
      expect(pages, href).toBe(1)
      expect(text).toContain(name!.replace('虚构示例人物', '').trim())
      for (const words of CHROME) expect(text, `${href}: ${words}`).not.toContain(words)
    }
  })
})
