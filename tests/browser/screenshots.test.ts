/**
 * Every page type at a phone's and a desktop's size: the page fits its width (no sideways scroll), ends
 * at its footer, and leaves a full-page screenshot in test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useSite } from './harness'
import { pageTypes } from './expected'
import { openAt, VIEWPORTS } from './viewports'

const site = useSite()
const SHOTS = path.resolve('test-results/screenshots')
let urls: Record<string, string>
beforeAll(async () => {
  urls = { ...(await pageTypes()), map: '/map/', schools: '/schools/' }
  mkdirSync(SHOTS, { recursive: true })
})

describe.each(VIEWPORTS)('every page type at $name size ($width×$height)', (viewport) => {
  it('fits the width, ends at its footer, and is photographed', async () => {
    const problems: string[] = []
    for (const [name, url] of Object.entries(urls)) {
      const { page, errors } = await openAt(site, url, viewport)
      // Lazy parts (the map's list, images) render once scrolled to; go there and back.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(300)
      await page.evaluate(() => window.scrollTo(0, 0))
      const extent = await page.evaluate(() => {
        const footer = document.querySelector('footer.site-footer')!.getBoundingClientRect()
        return {
          scrollWidth: document.documentElement.scrollWidth,
          scrollHeight: document.documentElement.scrollHeight,
          footerBottom: footer.bottom + window.scrollY,
        }
      })
      if (extent.scrollWidth > viewport.width)
        problems.push(`${name}: ${extent.scrollWidth} px wide at ${viewport.width}`)
      // A short page keeps its footer at the bottom of the window, not halfway up it.
      if (Math.abs(extent.scrollHeight - extent.footerBottom) > 4)
        problems.push(`${name}: scrolls to ${extent.scrollHeight} px, footer ends at ${extent.footerBottom}`)
      // The not-found page is itself answered with 404, which Chromium logs as a failed load.
      const expected = (e: string) => name === 'notFound' && /status of 404/.test(e)
      problems.push(...errors.filter((e) => !expected(e)).map((e) => `${name}: ${e}`))
      await page.screenshot({ path: path.join(SHOTS, `${viewport.name}-${name}.png`), fullPage: true })
      await page.context().close()
    }
    expect(problems).toEqual([])
  })
})
