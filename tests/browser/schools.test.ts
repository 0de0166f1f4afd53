/**
 * /schools/ and the booking form in Chromium, against the production server (`npm run serve`)
 * with a temporary inbox; and against a plain static host, where the form must step aside.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getContentSource } from '../../site/lib/content/executors'
import { readInbox } from '../../site/lib/booking/inbox'
import type { TalkRequestDocument } from '../../site/lib/booking/document'
import { chinaDate } from '../../site/lib/format'
import { startServer, type ServeProcess } from '../../scripts/serve-process'
import { axeViolations, launchBrowser, openPage, serveStatic, thirdParty } from './harness'

let browser: Browser
let server: ServeProcess
let inbox: string

beforeAll(async () => {
  inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-schools-')), 'talk-requests.ndjson')
  server = await startServer({ inbox, env: { LAOMO_RATE_LIMIT: '1000/60' } })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const stored = async () => (await readInbox<TalkRequestDocument>(inbox)).documents

async function schoolWorkers() {
  const source = await getContentSource({})
  return source.fetch<{ _id: string; name: string; slug: string; talkTopics: string[] | null }[]>(
    `*[_type == "modelWorker" && availableForSchools == true] | order(slug.current asc){ _id, name, "slug": slug.current, talkTopics }`,
  )
}

const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000))

async function fillValidForm(page: Page, school: string) {
  await page.fill('#f-school', school)
  await page.fill('#f-contactName', '张老师')
  await page.fill('#f-phone', '139 1234 5678')
  await page.fill('#f-email', 'zhang@example.org')
  await page.selectOption('#f-topic', { index: 1 })
  await page.fill('#f-date1Start', day(20))
  await page.fill('#f-date1End', day(30))
  await page.fill('#f-date2Start', day(60))
  await page.fill('#f-date2End', day(70))
  await page.selectOption('#f-gradeBand', 'junior')
  await page.fill('#f-audienceSize', '450')
  await page.selectOption('#f-prefecture', '天水市')
  await page.fill('#f-address', '秦州区某路 8 号')
  await page.fill('#f-notes', '希望安排在周五下午。')
  await page.check('input[name="consent"]')
}

describe('/schools/', () => {
  it('lists the workers who give school talks, filters them, and lists upcoming talks nearest first', async () => {
    const workers = await schoolWorkers()
    const { page, requests, errors } = await openPage(browser, `${server.origin}/schools/`)
    expect(await page.locator('[data-school-worker]').count()).toBe(workers.length)

    const topic = workers.flatMap((w) => w.talkTopics ?? [])[0]!
    await page.selectOption('form[data-worker-filters] select[name="topic"]', topic)
    const withTopic = workers.filter((w) => w.talkTopics?.includes(topic)).map((w) => w.slug)
    const visible = await page
      .locator('[data-school-worker]:visible')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.schoolWorker))
    expect(visible.sort()).toEqual(withTopic.sort())
    expect(await page.locator('[data-worker-count]').textContent()).toBe(String(withTopic.length))

    // Upcoming: what the dataset holds after the build time the page states.
    const builtAt = await page.locator('#upcoming time').first().getAttribute('datetime')
    const source = await getContentSource({})
    const upcoming = await source.fetch<{ _id: string; prefecture: string; status: string }[]>(
      `*[_type == "talk" && status != "held" && dateTime(startsAt) > dateTime($now)] | order(startsAt asc){ _id, prefecture, status }`,
      { now: builtAt },
    )
    const listed = await page
      .locator('[data-upcoming-talk]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.upcomingTalk))
    expect(listed).toEqual(upcoming.map((t) => t._id))
    // A cancelled talk is listed as such, with nothing to add to a calendar.
    expect(await page.locator('[data-upcoming-talk] a.add-to-calendar').count()).toBe(
      upcoming.filter((t) => t.status !== 'cancelled').length,
    )

    const prefecture = upcoming[0]!.prefecture
    await page.selectOption('form[data-talk-filters] select[name="prefecture"]', prefecture)
    expect(await page.locator('[data-upcoming-talk]:visible').count()).toBe(
      upcoming.filter((t) => t.prefecture === prefecture).length,
    )
    const feed = page.locator('[data-prefecture-feed]')
    expect(await feed.isVisible()).toBe(true)
    expect(await feed.getAttribute('href')).toMatch(/^\/calendar\/prefectures\/[a-z]+\.ics$/)
    expect(await page.locator('[data-feed-help] summary').textContent()).toContain('如何订阅')
    expect(await page.locator('#how [data-booking-contact]').textContent()).toMatch(/\d{3,4}-\d+/)

    expect(thirdParty(requests, server.origin)).toEqual([])
    expect(errors).toEqual([])
    expect(await axeViolations(page)).toEqual([])
  })

  it('preselects the worker named in ?worker=', async () => {
    const worker = (await schoolWorkers())[1]!
    const { page } = await openPage(browser, `${server.origin}/schools/?worker=${worker.slug}#request`)
    expect(await page.locator(`input[name="workers"][value="${worker._id}"]`).isChecked()).toBe(true)
    expect(await page.locator('input[name="workers"]:checked').count()).toBe(1)
  })
})

describe('booking a talk', () => {
  it('a teacher fills in the form, submits, sees the reference, and the request is stored with every field', async () => {
    const worker = (await schoolWorkers())[0]!
    const { page, errors } = await openPage(browser, `${server.origin}/schools/?worker=${worker.slug}#request`)
    await fillValidForm(page, '天水市某初级中学（浏览器测试）')
    const topic = await page.locator('#f-topic').inputValue()
    // A double click must not make two requests.
    await page.locator('form[data-booking-form] button[type="submit"]').dblclick()
    await page.locator('[data-booking-done]').waitFor({ state: 'visible' })
    const reference = (await page.locator('[data-booking-done] [data-reference]').textContent())!
    expect(reference).toMatch(/^LM-\d{8}-[2-9A-Z]{4}$/)
    expect(errors).toEqual([])
    expect(await axeViolations(page)).toEqual([])

    const docs = (await stored()).filter((d) => d.school === '天水市某初级中学（浏览器测试）')
    expect(docs).toHaveLength(1)
    const doc = docs[0]!
    expect(doc).toMatchObject({
      _type: 'talkRequest',
      status: 'new',
      reference,
      contactName: '张老师',
      phone: '13912345678',
      email: 'zhang@example.org',
      topic,
      gradeBand: 'junior',
      audienceSize: 450,
      prefecture: '天水市',
      address: '秦州区某路 8 号',
      notes: '希望安排在周五下午。',
      consent: true,
    })
    expect(doc.preferredWorkers.map((r) => r._ref)).toEqual([worker._id])
    expect(doc.preferredDates.map((d) => [d.start, d.end])).toEqual([
      [day(20), day(30)],
      [day(60), day(70)],
    ])
    expect(Date.now() - Date.parse(doc.receivedAt)).toBeLessThan(120_000)
  })

  it('shows messages beside the fields as the teacher types, and refuses to submit invalid input', async () => {
    const before = (await stored()).length
    const { page } = await openPage(browser, `${server.origin}/schools/#request`)
    await page.fill('#f-phone', '12345')
    await page.locator('#f-phone').blur()
    expect(await page.locator('[data-error-for="phone"]').textContent()).toContain('11 位大陆手机号码')
    expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true')
    await page.fill('#f-phone', '13912345678')
    await page.locator('#f-phone').blur()
    expect(await page.locator('[data-error-for="phone"]').textContent()).toBe('')

    await page.locator('form[data-booking-form] button[type="submit"]').click()
    expect(await page.locator('[data-error-for="school"]').textContent()).toContain('请填写学校名称')
    expect(await page.locator('[data-error-for="consent"]').textContent()).toContain('请勾选')
    expect(await page.locator('[data-form-status]').textContent()).toContain('需要修改')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-school')
    expect((await stored()).length).toBe(before)
  })

  it('works without JavaScript: a plain POST gets a page with the reference', async () => {
    const { page } = await openPage(browser, `${server.origin}/schools/#request`, { javaScript: false })
    await fillValidForm(page, '某小学（无脚本测试）')
    await page.locator('form[data-booking-form] button[type="submit"]').click()
    await page.waitForLoadState('load')
    expect(await page.locator('h1').textContent()).toBe('预约申请已提交')
    const reference = (await page.locator('[data-booking-result] [data-reference]').textContent())!
    const docs = (await stored()).filter((d) => d.school === '某小学（无脚本测试）')
    expect(docs.map((d) => d.reference)).toEqual([reference])
  })

  it('without JavaScript, bad input comes back with messages beside the fields and the typed values kept', async () => {
    const before = (await stored()).length
    const { page } = await openPage(browser, `${server.origin}/schools/#request`, { javaScript: false })
    await fillValidForm(page, '某小学（无脚本纠错）')
    await page.fill('#f-phone', '0931-1234567')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/talk-requests')),
      page.locator('form[data-booking-form] button[type="submit"]').click(),
    ])
    expect(response.status()).toBe(422)
    await page.waitForLoadState('load')
    expect(await page.locator('[data-error-for="phone"]').textContent()).toContain('11 位大陆手机号码')
    expect(await page.locator('#f-school').inputValue()).toBe('某小学（无脚本纠错）')
    expect(await page.locator('#f-notes').inputValue()).toBe('希望安排在周五下午。')
    expect(await page.locator('#f-prefecture').inputValue()).toBe('天水市')
    expect(await page.locator('input[name="consent"]').isChecked()).toBe(true)
    expect((await stored()).length).toBe(before)
    // Corrected, it goes through.
    await page.fill('#f-phone', '13912345678')
    await page.locator('form[data-booking-form] button[type="submit"]').click()
    await page.waitForLoadState('load')
    expect(await page.locator('h1').textContent()).toBe('预约申请已提交')
    expect((await stored()).length).toBe(before + 1)
  })
})

describe('the inbox', () => {
  it('is importable: the Sanity CLI validator accepts every stored request against the schema', async () => {
    const requests = await stored()
    expect(requests.length).toBeGreaterThanOrEqual(3)
    // The validator resolves references inside the file, so the referenced model workers go with them.
    const refs = new Set(requests.flatMap((r) => r.preferredWorkers.map((w) => w._ref)))
    const seed = (await readFile('studio/seed/data.ndjson', 'utf8')).split('\n').filter(Boolean)
    const workers = seed.filter((line) => refs.has((JSON.parse(line) as { _id: string })._id))
    expect(workers).toHaveLength(refs.size)
    // Workers (and requests from the 点单 menu) refer to menu topics: those go with them.
    const topics = seed.filter((line) => (JSON.parse(line) as { _type: string })._type === 'lectureTopic')
    const file = path.join(path.dirname(inbox), 'import.ndjson')
    await writeFile(file, [...workers, ...topics, ...requests.map((r) => JSON.stringify(r))].join('\n') + '\n')
    const run = spawnSync(
      path.resolve('node_modules/.bin/sanity'),
      ['documents', 'validate', '--file', file, '--format', 'ndjson', '--level', 'warning', '-y'],
      {
        encoding: 'utf8',
        env: { ...process.env, SANITY_AUTH_TOKEN: 'offline-validation', SANITY_TELEMETRY_DISABLED: '1', CI: 'true' },
      },
    )
    const problems = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { documentId: string; markers: { level: string; message: string }[] })
      .flatMap((r) => r.markers.map((m) => `${r.documentId}: ${m.level} ${m.message}`))
    expect(problems, run.stderr).toEqual([])
    expect(run.status, run.stderr).toBe(0)
  }, 300_000)
})

describe('on a static-only host (no endpoint)', () => {
  it('shows the booking office phone and email instead of a form that would fail', async () => {
    const { url, server: staticServer } = await serveStatic()
    try {
      const { page } = await openPage(browser, `${url}/schools/#request`)
      await page.locator('#request [data-booking-offline]').waitFor({ state: 'visible' })
      expect(await page.locator('form[data-booking-form]').isVisible()).toBe(false)
      const text = (await page.locator('#request [data-booking-offline]').textContent())!
      expect(text).toMatch(/电话：\S+/)
      expect(text).toContain('@')
    } finally {
      staticServer.close()
    }
  })
})
