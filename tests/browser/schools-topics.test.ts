/**
 * 点单 in Chromium, as a teacher walks it against the production server with a temporary inbox:
 * /schools/ → the topic menu → a 学段 → "不指定劳模，按主题预约" → the form shows that topic and
 * "任一可安排的劳模" → submit → the reference, and the stored request names the topic. The stage and the
 * topic are picked from what the built pages show, not from the sample's values. Also from a profile's
 * 进校园点单 (issue 26): 预约此主题 → the form with that worker and topic → the stored request.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInbox } from '../../site/lib/booking/inbox'
import type { TalkRequestDocument } from '../../site/lib/booking/document'
import { chinaDate } from '../../site/lib/format'
import { OUT_DIR, startServer, type ServeProcess } from '../../scripts/serve-process'
import { staticDirOf } from '../../scripts/static-dir'
import { axeViolations, launchBrowser, openPage } from './harness'

let browser: Browser
let server: ServeProcess
let inbox: string

beforeAll(async () => {
  inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-topics-')), 'talk-requests.ndjson')
  server = await startServer({ inbox, env: { LAOMO_RATE_LIMIT: '1000/60' } })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000))

/** The stage links the menu offers with at least one topic: [href, title] (the count stripped). */
async function stagesWithTopics(page: Page): Promise<{ href: string; title: string }[]> {
  return page.$$eval('nav.stage-nav a[data-stage]', (links) =>
    links
      .map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() }))
      .filter((l) => !/（0）$/.test(l.text))
      .map((l) => ({ href: l.href, title: l.text.replace(/（\d+）$/, '') })),
  )
}

/** Follows a booking link to the form and checks it arrived with `topicId` chosen. */
async function followToForm(page: Page, link: Locator, topicId: string) {
  await link.click()
  await page.waitForURL(/#request$/)
  await page.locator('#f-lectureTopic').waitFor()
  expect(await page.locator('#f-lectureTopic').inputValue()).toBe(topicId)
}

/** Sends the filled form and returns its reference and the one request stored for `school`. */
async function submitRequest(page: Page, school: string) {
  await page.locator('form[data-booking-form] button[type="submit"]').click()
  await page.locator('[data-booking-done]').waitFor({ state: 'visible' })
  const reference = (await page.locator('[data-booking-done] [data-reference]').textContent())!
  const docs = (await readInbox<TalkRequestDocument>(inbox)).documents.filter((d) => d.school === school)
  expect(docs).toHaveLength(1)
  return { reference, doc: docs[0]! }
}

async function fillTheRest(page: Page, school: string) {
  await page.fill('#f-school', school)
  await page.fill('#f-contactName', '周老师')
  await page.fill('#f-phone', '13912345670')
  await page.fill('#f-date1Start', day(15))
  await page.fill('#f-date1End', day(25))
  await page.selectOption('#f-gradeBand', { index: 1 })
  await page.fill('#f-audienceSize', '120')
  await page.selectOption('#f-prefecture', { index: 2 })
  await page.fill('#f-address', '某区某路 3 号')
  await page.check('input[name="consent"]')
}

describe('点单: choosing a talk by stage and topic', () => {
  it('walks from /schools/ through a stage of the menu to a request for a topic with any worker', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/schools/`)
    await page.locator('a[href="/schools/topics/"]').first().click()
    await page.waitForURL(/\/schools\/topics\/$/)
    expect(await axeViolations(page)).toEqual([])

    const stages = await stagesWithTopics(page)
    expect(stages.length).toBeGreaterThan(0)
    // The last stage with topics, so that it is not the first link by accident.
    const stage = stages.at(-1)!
    await page.locator(`nav.stage-nav a[href="${stage.href}"]`).click()
    await page.waitForURL((url) => url.pathname === decodeURI(stage.href) || url.pathname === stage.href)
    expect(await page.locator('nav.stage-nav [aria-current="page"]').textContent()).toContain(stage.title)

    // Every topic shown suits the chosen stage, as the card says.
    const cards = page.locator('.topic-card')
    const count = await cards.count()
    expect(count).toBeGreaterThan(0)
    for (let i = 0; i < count; i++)
      expect(await cards.nth(i).locator('.muted').first().textContent()).toContain(stage.title)

    const card = cards.nth(count - 1)
    const topicId = (await card.getAttribute('data-topic-id'))!
    const title = (await card.locator('h3').textContent())!.trim()
    await followToForm(page, card.locator('a.book-topic'), topicId)
    expect((await page.locator('#f-lectureTopic option:checked').textContent())!.trim()).toBe(title)
    expect(await page.locator('input[name="anyWorker"]').isChecked()).toBe(true)
    expect(await page.locator('input[name="workers"]:checked').count()).toBe(0)

    const school = `某学校（点单测试 ${Date.now()}）`
    await fillTheRest(page, school)
    const { reference, doc } = await submitRequest(page, school)
    expect(reference).toMatch(/^LM-\d{8}-[2-9A-Z]{4}$/)
    expect(errors).toEqual([])
    expect(doc).toMatchObject({
      reference,
      anyWorker: true,
      lectureTopic: { _type: 'reference', _ref: topicId, _weak: true },
      topic: title,
      preferredWorkers: [],
    })
  })

  it('"请 TA 进校园" carries the worker and the topic, with any worker left unticked', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/topics/`)
    const link = page.locator('a.book-worker').last()
    // The card the link sits in names the topic; the link must carry that one.
    const topicId = await link.evaluate((a) => a.closest('.topic-card')!.getAttribute('data-topic-id')!)
    const query = new URL((await link.getAttribute('href'))!, server.origin).searchParams
    expect(query.get('lectureTopic')).toBe(topicId)
    const worker = query.get('worker')!
    await followToForm(page, link, topicId)
    expect(await page.locator(`input[name="workers"][data-worker-slug="${worker}"]`).isChecked()).toBe(true)
    expect(await page.locator('input[name="anyWorker"]').isChecked()).toBe(false)
  })

  it('a profile’s 预约此主题 carries the worker and the topic into the form, and the request names both', async () => {
    // A profile with 进校园点单, found in the build (the last one, so that it is not the first by accident).
    const workersDir = path.join(staticDirOf(OUT_DIR), 'workers')
    const slug = readdirSync(workersDir)
      .filter((name) => existsSync(path.join(workersDir, name, 'index.html')))
      .sort()
      .findLast((name) => readFileSync(path.join(workersDir, name, 'index.html'), 'utf8').includes('data-worker-menu'))
    expect(slug).toBeDefined()
    const { page, errors } = await openPage(browser, `${server.origin}/workers/${encodeURIComponent(slug!)}/`)
    const item = page.locator('[data-worker-menu] li[data-menu-topic]').last()
    const topicId = (await item.getAttribute('data-menu-topic'))!
    const title = (await item.locator('.menu-topic-title').textContent())!.trim()
    await followToForm(page, item.locator('a'), topicId)
    const worker = page.locator(`input[name="workers"][data-worker-slug="${slug}"]`)
    expect(await worker.isChecked()).toBe(true)
    expect(await page.locator('input[name="workers"]:checked').count()).toBe(1)
    expect(await page.locator('input[name="anyWorker"]').isChecked()).toBe(false)

    const school = `某学校（简介点单测试 ${Date.now()}）`
    await fillTheRest(page, school)
    const { doc } = await submitRequest(page, school)
    expect(errors).toEqual([])
    expect(doc).toMatchObject({ lectureTopic: { _ref: topicId }, topic: title, anyWorker: false })
    expect(doc.preferredWorkers.map((w) => w._ref)).toEqual([await worker.getAttribute('value')])
  })

  it('works without JavaScript: each stage is its own page', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/topics/`, { javaScript: false })
    const [stage] = await stagesWithTopics(page)
    await page.locator(`nav.stage-nav a[href="${stage!.href}"]`).click()
    await page.waitForLoadState()
    expect(await page.locator('.topic-card').count()).toBeGreaterThan(0)
    expect(await page.locator('nav.stage-nav [aria-current="page"]').textContent()).toContain(stage!.title)
  })
})
