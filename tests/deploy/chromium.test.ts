/** A teacher's journey in Chromium over HTTPS and HTTP/2: booking, search, map, lists, under the CSP. */
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_SERVER_NAME } from '../../scripts/nginx/process'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/harness'
import { behindNginx, day, missing } from './harness'

describe.skipIf(missing)('behind nginx', () => {
  const { deploy, stored } = behindNginx()

  describe('in Chromium', () => {
    let browser: Browser
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          '--ignore-certificate-errors',
          `--host-resolver-rules=MAP ${TEST_SERVER_NAME} 127.0.0.1`,
        ],
      })
    })
    afterAll(async () => {
      await browser?.close()
    })

    /** A page with every CSP violation and console error recorded. */
    async function open(url: string, options: { javaScript?: boolean } = {}) {
      const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'zh-CN' })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] }
        w.__violations = []
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
        )
      })
      await page.goto(url, { waitUntil: 'networkidle' })
      const violations = () =>
        page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])
      return { page, errors, violations }
    }
    const protocol = (page: Page) =>
      page.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol,
      )

    async function fill(page: Page, school: string) {
      await page.fill('#f-school', school)
      await page.fill('#f-contactName', '张老师')
      await page.fill('#f-phone', '139 1234 5678')
      await page.selectOption('#f-topic', { index: 1 })
      await page.fill('#f-date1Start', day(20))
      await page.fill('#f-date1End', day(30))
      await page.selectOption('#f-gradeBand', 'junior')
      await page.fill('#f-audienceSize', '450')
      await page.selectOption('#f-prefecture', '天水市')
      await page.fill('#f-address', '秦州区某路 8 号')
      await page.check('input[name="consent"]')
    }

    it('a teacher books a talk over HTTPS and HTTP/2: reference shown, request stored once, no CSP violation', async () => {
      const { page, errors, violations } = await open(`${deploy.stack.nginx.origin}/schools/#request`)
      expect(await protocol(page)).toBe('h2')
      await fill(page, '经由 nginx 的中学')
      await page.locator('form[data-booking-form] button[type="submit"]').dblclick()
      await page.locator('[data-booking-done]').waitFor({ state: 'visible' })
      const reference = (await page.locator('[data-booking-done] [data-reference]').textContent())!
      expect(reference).toMatch(/^LM-\d{8}-[2-9A-Z]{4}$/)
      expect((await stored()).filter((d) => d.school === '经由 nginx 的中学').map((d) => d.reference)).toEqual([
        reference,
      ])
      expect(await violations()).toEqual([])
      expect(errors).toEqual([])
    })

    it('without JavaScript the plain form POST gets the reference page through the proxy', async () => {
      const { page } = await open(`${deploy.stack.nginx.origin}/schools/#request`, { javaScript: false })
      await fill(page, '经由 nginx 的小学（无脚本）')
      await page.locator('form[data-booking-form] button[type="submit"]').click()
      await page.waitForLoadState('load')
      expect(await page.locator('h1').textContent()).toBe('预约申请已提交')
      const reference = (await page.locator('[data-booking-result] [data-reference]').textContent())!
      expect(
        (await stored()).filter((d) => d.school === '经由 nginx 的小学（无脚本）').map((d) => d.reference),
      ).toEqual([reference])
    })

    it('search and the map work under the Content-Security-Policy', async () => {
      const search = await open(`${deploy.stack.nginx.origin}/search/?q=${encodeURIComponent('劳模')}`)
      await search.page.locator('[data-search-results] li a').first().waitFor({ timeout: 15_000 })
      expect(await search.violations()).toEqual([])
      expect(search.errors).toEqual([])

      const map = await open(`${deploy.stack.nginx.origin}/map/`)
      await map.page.waitForFunction(
        () =>
          ((window as unknown as { __laomoMap?: { markerIds(): string[] } }).__laomoMap?.markerIds().length ?? 0) > 0,
        undefined,
        { timeout: 15_000 },
      )
      expect(await map.violations()).toEqual([])
      expect(map.errors).toEqual([])
    })

    it('the filtered lists run their scripts under the Content-Security-Policy', async () => {
      for (const pathname of ['/workers/', '/talks/', '/schools/']) {
        const { violations, errors } = await open(`${deploy.stack.nginx.origin}${pathname}`)
        expect(await violations(), pathname).toEqual([])
        expect(errors, pathname).toEqual([])
      }
    })

    it('the site cannot be framed by another site', async () => {
      const { page } = await open('about:blank')
      await page.setContent(`<iframe src="${deploy.stack.nginx.origin}/schools/"></iframe>`)
      await page.waitForTimeout(1000)
      const framed = page.frames().find((f) => f.url().startsWith(deploy.stack.nginx.origin))
      const loaded = framed
        ? await framed.evaluate(() => document.querySelector('form[data-booking-form]') !== null).catch(() => false)
        : false
      expect(loaded).toBe(false)
    })
  })
})
