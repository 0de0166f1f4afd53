/**
 * A teacher opens the feedback link the editors sent, answers, and sees the thank-you; the same link again
 * is refused without a second feedback. Against the built site and the real server (`npm run serve`), with a
 * held talk drawn from what the build published, not a fixed sample id.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OUT_DIR, startServer, type ServeProcess } from '../../scripts/serve-process'
import { FEEDBACK_MESSAGES } from '../../site/lib/feedback/handler'
import { signFeedbackToken } from '../../site/lib/feedback/token'
import { feedbackPath } from '#domain/paths'
import { launchBrowser, openPage } from './harness'

const SECRET = `browser-test-secret-${process.pid}-0123456789abcdef`
let browser: Browser
let server: ServeProcess
let inbox: string
let talk: { id: string; title: string }

beforeAll(async () => {
  inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-feedback-')), 'inbox.ndjson')
  server = await startServer({ inbox, env: { LAOMO_FEEDBACK_SECRET: SECRET } })
  browser = await launchBrowser()
  // A held talk as the build published it: a talk page whose status badge says 已举办.
  const dir = path.join(OUT_DIR, 'client', 'talks')
  const held: { id: string; title: string }[] = []
  for (const id of await readdir(dir)) {
    const html = await readFile(path.join(dir, id, 'index.html'), 'utf8').catch(() => '')
    const title = html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]
    if (title && html.includes('badge-held" data-status')) held.push({ id: decodeURIComponent(id), title })
  }
  expect(held.length).toBeGreaterThan(0)
  talk = held[Math.floor(Math.random() * held.length)]!
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const stored = async () =>
  (await readFile(inbox, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { _type: string; talk: { _ref: string }; rating: number; students: number })

describe('a school’s feedback after the talk', () => {
  it('shows the talk, reports every problem at once, then thanks the teacher; the link works once', async () => {
    const token = signFeedbackToken(SECRET, talk.id)
    const url = `${server.origin}${feedbackPath(token)}`
    const head = await fetch(url)
    expect(head.status).toBe(200)
    expect(head.headers.get('cache-control')).toBe('no-store')
    expect(head.headers.get('x-robots-tag')).toContain('noindex')

    // Without JavaScript: the form is plain HTML.
    const { page } = await openPage(browser, url, { javaScript: false })
    expect(await page.locator('[data-feedback-talk]').textContent()).toContain(talk.title)
    expect(await page.locator('[data-feedback-talk]').textContent()).toContain('北京时间')
    // Text of 16 px and targets of 44 px for a teacher's phone.
    const sizes = await page.$$eval('form[data-feedback-form] label', (labels) =>
      labels.map((l) => ({ h: l.getBoundingClientRect().height, font: parseFloat(getComputedStyle(l).fontSize) })),
    )
    expect(sizes.length).toBeGreaterThan(10)
    for (const s of sizes) expect(s.font).toBeGreaterThanOrEqual(16)
    const choices = await page.$$eval('fieldset.choices label', (ls) => ls.map((l) => l.getBoundingClientRect().height))
    for (const h of choices) expect(h).toBeGreaterThanOrEqual(44)

    await page.click('form[data-feedback-form] button[type="submit"]')
    await page.waitForLoadState()
    const errors = await page.$$eval('.field-error', (es) => es.map((e) => e.textContent!.trim()).filter(Boolean))
    expect(errors.length).toBe(4)
    expect(await stored()).toEqual([])

    const students = 1 + Math.floor(Math.random() * 900)
    await page.check('input[name="rating"][value="4"]')
    await page.fill('#f-students', String(students))
    await page.check('input[name="gradeBands"][value="junior"]')
    await page.check('input[name="gradeBands"][value="senior"]')
    await page.check('input[name="highlights"][value="story"]')
    await page.check('input[name="inviteAgain"][value="yes"]')
    await page.fill('#f-comment', '学生们很受鼓舞。')
    await page.click('form[data-feedback-form] button[type="submit"]')
    await page.waitForSelector('[data-feedback-done]')
    expect(await page.locator('[data-feedback-done]').textContent()).toContain('感谢您的反馈')
    expect(await stored()).toEqual([
      expect.objectContaining({
        _type: 'talkFeedback',
        talk: expect.objectContaining({ _ref: talk.id }),
        rating: 4,
        students,
      }),
    ])

    // The same link again: told it was used, nothing stored twice.
    const { page: again } = await openPage(browser, url)
    expect(await again.locator('[data-feedback-problem]').textContent()).toContain(FEEDBACK_MESSAGES.replay)
    expect(await again.locator('form[data-feedback-form]').count()).toBe(0)
    const replay = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `rating=5&students=${students}&gradeBands=junior&inviteAgain=yes`,
    })
    expect(replay.status).toBe(409)
    expect(await stored()).toHaveLength(1)
  })

  it('tells a teacher with a damaged or forged link what to do, and shows no form', async () => {
    const token = signFeedbackToken(SECRET, talk.id)
    const forged = signFeedbackToken('another-secret-long-enough-for-signing-000', talk.id)
    for (const [t, message] of [
      [token.slice(0, -10), FEEDBACK_MESSAGES.malformed],
      [forged, FEEDBACK_MESSAGES.forged],
    ] as const) {
      const { page, response } = await openPage(browser, `${server.origin}${feedbackPath(t)}`).then(async (p) => ({
        ...p,
        response: await fetch(`${server.origin}${feedbackPath(t)}`),
      }))
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await page.locator('[data-feedback-problem]').textContent()).toContain(message)
      expect(await page.locator('form[data-feedback-form]').count()).toBe(0)
    }
  })
})
