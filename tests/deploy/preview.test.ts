/**
 * The preview server (server/preview/main.ts) as editors meet it: drafts of a dataset of our own, shown
 * in place of their documents and with pages of their own, only after the secret let the browser in;
 * every answer private and noindex; a saved draft shown on the next request; and no draft anywhere in the
 * public build.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openPage } from '../browser/harness.ts'
import { waitFor } from '../../scripts/publish-process.ts'
import { freePort } from '../../scripts/serve-process.ts'

const SECRET = 'preview-test-secret-0123456789'
const ROOT = path.resolve(`previews-test-${process.pid}`)
const WORK = mkdtempSync(path.join(tmpdir(), 'laomo-preview-'))
const DATA = path.join(WORK, 'data.ndjson')
const STATIC = path.resolve(process.env.LAOMO_OUT_DIR || 'dist', 'client')
const BUILD_MS = 300_000

type Doc = Record<string, unknown> & { _id: string; _type: string }
const docs: Doc[] = readFileSync('studio/seed/data.ndjson', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Doc)
const drafts = docs.filter((d) => d._id.startsWith('drafts.'))
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const neverPublished = drafts.find((d) => !docs.some((p) => p._id === d._id.slice('drafts.'.length)))!
const editedDraft = drafts.find((d) => docs.some((p) => p._id === d._id.slice('drafts.'.length)))!
const editedPublished = docs.find((d) => d._id === editedDraft._id.slice('drafts.'.length))!

function writeData(list: Doc[]) {
  writeFileSync(DATA, list.map((d) => JSON.stringify(d)).join('\n') + '\n')
}

let child: ChildProcess
let origin: string
const output: string[] = []
const enable = (query: string) => fetch(`${origin}/preview/enable?${query}`, { redirect: 'manual' })

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true })
  // The images stay with the seed: the copy sits beside them.
  cpSync('studio/seed/images', path.join(WORK, 'images'), { recursive: true })
  writeData(docs)
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  child = spawn(process.execPath, ['server/preview/main.ts'], {
    env: {
      ...process.env,
      SANITY_PROJECT_ID: '',
      LAOMO_PREVIEW_SECRET: SECRET,
      LAOMO_PREVIEW_PORT: String(port),
      LAOMO_PREVIEW_DIR: ROOT,
      LAOMO_DATASET: DATA,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => output.push(String(d)))
  child.stderr!.on('data', (d) => output.push(String(d)))
  await waitFor(
    'preview server',
    () =>
      fetch(`${origin}/`).then(
        (r) => r.status === 401,
        () => false,
      ),
    30_000,
  )
  // The first preview build: a page asked for while it runs is answered once it is done.
  const cookie = (await enable(`secret=${SECRET}&redirect=/`)).headers.get('set-cookie')!.split(';')[0]!
  const first = await fetch(`${origin}/`, { headers: { cookie } })
  if (first.status !== 200) throw new Error(`first preview build: ${first.status}\n${output.join('')}`)
}, BUILD_MS)

afterAll(() => {
  child?.kill('SIGTERM')
  rmSync(ROOT, { recursive: true, force: true })
})

describe('preview of drafts', () => {
  it('shows nothing without the secret: 401, private, noindex', async () => {
    const page = await fetch(`${origin}/stories/${slugOf(neverPublished)}/`)
    expect(page.status).toBe(401)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('x-robots-tag')).toContain('noindex')
    expect(await page.text()).not.toContain(String(neverPublished.title))
    expect((await enable('secret=not-the-secret&redirect=/')).status).toBe(401)
    expect((await enable('redirect=/')).status).toBe(401)
  })

  it('lets the secret in with a cookie, and sends it only to a path on this site', async () => {
    const ok = await enable(`secret=${SECRET}&redirect=${encodeURIComponent('/stories/')}`)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/stories/')
    expect(ok.headers.get('set-cookie')).toMatch(/^laomo_preview=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/)
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example'])
      expect((await enable(`secret=${SECRET}&redirect=${encodeURIComponent(evil)}`)).headers.get('location')).toBe('/')
  })

  it(
    'in Chromium: a never-published draft has its page, an edited draft replaces its document',
    { timeout: BUILD_MS },
    async () => {
      const browser = await launchBrowser()
      try {
        const { page, errors } = await openPage(
          browser,
          `${origin}/preview/enable?secret=${SECRET}&redirect=/stories/${slugOf(neverPublished)}/`,
        )
        expect(await page.locator('h1').textContent()).toBe(neverPublished.title)
        expect(await page.locator('[data-preview-notice]').textContent()).toContain('草稿')
        expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex')
        // Click-to-edit for the Studio's 预览 tool: the title names its document and field.
        const target = await page.locator('h1').getAttribute('data-sanity')
        expect(target).toContain(`id=${neverPublished._id.slice('drafts.'.length)}`)
        expect(target).toContain('path=title')
        const response = await page.goto(`${origin}/stories/${slugOf(editedPublished)}/`)
        expect(response!.headers()['cache-control']).toBe('private, no-store')
        // Framed by the Studio's 预览 tool only.
        expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'self' http://localhost:3333")
        expect(await page.locator('h1').textContent()).toBe(editedDraft.title)
        await page.goto(`${origin}/stories/`)
        expect(await page.locator('main').textContent()).toContain(String(neverPublished.title))
        expect(errors).toEqual([])
        await page.context().close()
      } finally {
        await browser.close()
      }
    },
  )

  it('a saved draft shows on the next request', { timeout: BUILD_MS }, async () => {
    const title = `【草稿示例】再次保存 ${Date.now()}`
    writeData(docs.map((d) => (d._id === neverPublished._id ? { ...d, title } : d)))
    const enabled = await enable(`secret=${SECRET}&redirect=/`)
    const cookie = enabled.headers.get('set-cookie')!.split(';')[0]!
    await new Promise((r) => setTimeout(r, 1_100))
    const page = await fetch(`${origin}/stories/${slugOf(neverPublished)}/`, { headers: { cookie } })
    expect(page.status, output.join('')).toBe(200)
    expect(await page.text()).toContain(title)
  })

  it('no draft and no click-to-edit attribute reaches the public build', () => {
    const titles = drafts.map((d) => String(d.title))
    const found: string[] = []
    for (const entry of readdirSync(STATIC, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name)
      if (!entry.isFile() || statSync(file).size > 5_000_000 || !/\.(html|json|xml|ics|txt|js)$/.test(entry.name))
        continue
      const text = readFileSync(file, 'utf8')
      for (const t of titles) if (text.includes(t)) found.push(`${path.relative(STATIC, file)}: ${t}`)
      if (text.includes('data-sanity=')) found.push(`${path.relative(STATIC, file)}: data-sanity`)
    }
    expect(titles.length).toBeGreaterThan(0)
    expect(found).toEqual([])
    expect(readdirSync(path.join(STATIC, 'stories'))).not.toContain(slugOf(neverPublished))
  })
})
