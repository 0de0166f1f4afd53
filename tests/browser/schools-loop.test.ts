/**
 * A teacher's way through /schools/ as issue 26 found it broken: the topic chosen in the filter goes
 * into the form, an empty calendar feed says it is empty, a cancelled talk offers no calendar entry,
 * and the form's checkboxes are big enough for a finger. Checked against what the build itself
 * published (the feeds, the list), not against the sample's figures.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServeProcess } from '../../scripts/serve-process'
import { NOT_FOUND_MESSAGE } from '../../site/lib/booking/status'
import { chinaDate } from '../../site/lib/format'
import { launchBrowser, openPage } from './harness'

let browser: Browser
let server: ServeProcess

beforeAll(async () => {
  const inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-schools-loop-')), 'talk-requests.ndjson')
  server = await startServer({ inbox })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const eventsIn = (ics: string) => ics.split('BEGIN:VEVENT').length - 1

describe('a teacher on /schools/', () => {
  it('takes the topic chosen in the filter into the form with the worker', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/`)
    const topics = await page.$$eval('form[data-worker-filters] select[name="topic"] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    )
    expect(topics.length).toBeGreaterThan(0)
    // The last topic, so that it is not the form's first choice by accident.
    const topic = topics.at(-1)!
    await page.selectOption('form[data-worker-filters] select[name="topic"]', topic)
    const link = page.locator('[data-school-worker]:visible a[data-booking-link]').first()
    const slug = (await link.getAttribute('data-booking-link'))!
    await link.click()
    await page.waitForURL(/#request$/)
    expect(new URL(page.url()).searchParams.get('topic')).toBe(topic)
    expect(await page.locator(`input[name="workers"][data-worker-slug="${slug}"]`).isChecked()).toBe(true)
    expect(await page.locator('#f-topic').inputValue()).toBe(topic)

    // A topic not on the list leaves the choice open rather than picking something else.
    const { page: other } = await openPage(
      browser,
      `${server.origin}/schools/?topic=${encodeURIComponent('不存在的主题')}#request`,
    )
    expect(await other.locator('#f-topic').inputValue()).toBe('')
  })

  it('says so where a worker’s calendar feed has no upcoming talk, and only there', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/`)
    const cards = await page.$$eval('[data-school-worker]', (items) =>
      items.map((li) => ({
        feed: li.querySelector<HTMLAnchorElement>('a[href$=".ics"]')!.getAttribute('href')!,
        saysEmpty: li.querySelector('[data-feed-empty]') !== null,
      })),
    )
    let empty = 0
    for (const card of cards) {
      const events = eventsIn(await (await fetch(new URL(card.feed, server.origin))).text())
      expect(card.saysEmpty, card.feed).toBe(events === 0)
      if (events === 0) empty++
    }
    expect(empty).toBeLessThan(cards.length)
  })

  it('offers 加入日历 for every upcoming talk except the cancelled ones', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/`)
    const rows = await page.$$eval('[data-upcoming-talk]', (items) =>
      items.map((li) => ({
        cancelled: li.querySelector('.badge')?.textContent === '已取消',
        addLink: li.querySelector('.add-to-calendar') !== null,
      })),
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.addLink).toBe(!row.cancelled)
  })

  it('draws the form’s checkboxes at least 24 px, each with its label a target of at least 44 px', async () => {
    for (const width of [390, 1366]) {
      const { page } = await openPage(browser, `${server.origin}/schools/#request`, {
        viewport: { width, height: 900 },
      })
      const sizes = await page.$$eval('.booking-form input[type="checkbox"]', (boxes) =>
        boxes.map((box) => {
          const b = box.getBoundingClientRect()
          const l = box.closest('label')!.getBoundingClientRect()
          return { box: Math.min(b.width, b.height), label: l.height }
        }),
      )
      expect(sizes.length).toBeGreaterThan(1)
      for (const s of sizes) {
        expect(s.box).toBeGreaterThanOrEqual(24)
        expect(s.label).toBeGreaterThanOrEqual(44)
      }
    }
  })
})

const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000))
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('')

describe('where is my request?', () => {
  it('a teacher books, follows the link to the status page and sees 已收到; wrong details get one answer', async () => {
    const phone = `139${digits(8)}`
    const { page } = await openPage(browser, `${server.origin}/schools/#request`)
    await page.fill('#f-school', `第${digits(2)}中学`)
    await page.fill('#f-contactName', '王老师')
    await page.fill('#f-phone', phone)
    await page.fill('#f-date1Start', day(20))
    await page.fill('#f-date1End', day(25))
    await page.selectOption('#f-gradeBand', 'senior')
    await page.fill('#f-audienceSize', String(1 + Math.floor(Math.random() * 900)))
    await page.selectOption('#f-prefecture', { index: 1 + Math.floor(Math.random() * 14) })
    await page.fill('#f-address', '某路 1 号')
    await page.check('input[name="consent"]')
    await page.click('form[data-booking-form] button[type="submit"]')
    await page.locator('[data-booking-done]').waitFor({ state: 'visible' })
    const reference = (await page.locator('[data-booking-done] [data-reference]').textContent())!
    expect(reference).toMatch(/^LM-\d{8}-[0-9A-Z]{4}$/)

    await page.click('[data-booking-done] a[data-status-link]')
    await page.waitForURL(/\/schools\/request\/\?ref=/)
    expect(await page.locator('#f-reference').inputValue()).toBe(reference)
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex')
    await page.fill('#f-phoneLast4', phone.slice(-4))
    await page.click('form[data-lookup-form] button[type="submit"]')
    await page.locator('[data-request-status]').waitFor()
    expect(await page.locator('[data-request-status]').getAttribute('data-request-status')).toBe('new')
    expect(await page.locator('#status-title').textContent()).toContain('已收到')

    const wrongPhone = String((Number(phone.slice(-4)) + 1) % 10000).padStart(4, '0')
    await page.fill('#f-phoneLast4', wrongPhone)
    await page.click('form[data-lookup-form] button[type="submit"]')
    const problem = page.locator('[data-lookup-problem]')
    expect(await problem.textContent()).toContain(NOT_FOUND_MESSAGE)
    expect(await page.locator('[data-request-status]').count()).toBe(0)
    await page.fill(
      '#f-reference',
      reference.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z')),
    )
    await page.fill('#f-phoneLast4', phone.slice(-4))
    await page.click('form[data-lookup-form] button[type="submit"]')
    expect(await problem.textContent()).toContain(NOT_FOUND_MESSAGE)
  })

  it('works without JavaScript, names both mistakes at once, and is never cached or indexed', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/request/`, { javaScript: false })
    await page.fill('#f-reference', 'ABC')
    await page.fill('#f-phoneLast4', '12')
    await page.click('form[data-lookup-form] button[type="submit"]')
    expect(await page.locator('#reference-error').textContent()).toMatch(/受理编号格式不正确/)
    expect(await page.locator('#phoneLast4-error').textContent()).toMatch(/后四位/)
    expect(await page.inputValue('#f-reference')).toBe('ABC')
    for (const method of ['GET', 'POST']) {
      const res = await fetch(`${server.origin}/schools/request/`, {
        method,
        ...(method === 'POST'
          ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'reference=x&phoneLast4=1' }
          : {}),
      })
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('x-robots-tag')).toContain('noindex')
    }
  })
})
