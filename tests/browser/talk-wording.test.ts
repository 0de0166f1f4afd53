/**
 * Issue 22 in Chromium, at a phone's and a desktop's size: /map/ ends at its footer once its list
 * is drawn (with and without a filter), the map's zoom buttons speak Chinese, and a talk page says
 * its date once and names its state in the vocabulary's words.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TALK_STATUSES } from '#domain/vocabulary'
import { formatTimeRange } from '../../site/lib/format'
import { groq } from './expected'
import { VIEWPORTS, type Viewport } from './viewports'
import { openPage, useSite } from './harness'

const site = useSite()
async function openMapAt(url: string, viewport: Viewport) {
  const opened = await openPage(site.browser, url, { viewport })
  await opened.page.waitForFunction(() => window.__laomoMap !== undefined)
  // The list renders once it comes near the viewport (below the map on a phone).
  await opened.page.locator('[data-talk-list-scroll]').scrollIntoViewIfNeeded()
  await opened.page.evaluate(() => window.__laomoMap!.drawn())
  return opened
}

/** The page's scroll height and the footer's bottom edge, in document coordinates. */
const extent = (page: Page) =>
  page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollHeight,
    footer: document.querySelector('.site-footer')!.getBoundingClientRect().bottom + window.scrollY,
  }))

describe.each(VIEWPORTS)('/map/ at $name size', (viewport) => {
  it.each(['/map/', '/map/?type=school'])('ends at its footer once the list is drawn: %s', async (url) => {
    const { page, errors } = await openMapAt(`${site.origin}${url}`, viewport)
    expect(await page.locator('[data-talk-list] li[data-talk-id]').count()).toBeGreaterThan(10)
    const { scroll, footer } = await extent(page)
    expect(Math.abs(scroll - footer)).toBeLessThanOrEqual(4)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('names the zoom buttons in Chinese', async () => {
    const { page } = await openMapAt(`${site.origin}/map/`, viewport)
    await expect.poll(() => page.getByRole('button', { name: '放大', exact: true }).count()).toBe(1)
    expect(await page.getByRole('button', { name: '缩小', exact: true }).count()).toBe(1)
    const names = await page
      .locator('.leaflet-control-zoom a')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('aria-label'), a.getAttribute('title')]))
    expect(names).toEqual([
      ['放大', '放大'],
      ['缩小', '缩小'],
    ])
    await page.context().close()
  })
})

describe('talk page wording', () => {
  it('says the date once and names the state in the vocabulary’s words', async () => {
    const talk = await groq<{ _id: string; startsAt: string; endsAt: string; status: string } | null>(
      `*[_type == "talk" && defined(endsAt) && status == "held"] | order(_id asc)[0]{ _id, startsAt, endsAt, status }`,
    )
    expect(talk).not.toBeNull()
    const { page } = await openPage(site.browser, `${site.origin}/talks/${talk!._id}/`)
    const when = (await page.locator('.facts dd').first().textContent())!.trim()
    expect(when).toBe(formatTimeRange(talk!.startsAt, talk!.endsAt))
    expect(when).not.toContain('至')
    expect(when.match(/\d+年/g)?.length).toBe(1)
    expect((await page.locator('[data-status]').textContent())!.trim()).toBe(
      TALK_STATUSES.find((o) => o.value === 'held')!.title,
    )
    expect(await page.locator('text=即将举行').count()).toBe(0)
    await page.context().close()
  })
})
