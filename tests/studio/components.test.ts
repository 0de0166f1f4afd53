/**
 * The Studio's own components in Debian's Chromium, outside the Studio (which cannot reach
 * Sanity offline): a Vite build of tests/studio/page mounts the real LocationInput, runs the
 * real "安排报告会" transaction through @sanity/client against a local recording endpoint, and shows
 * a request's timeline from talks and feedback the local query endpoint answers with groq-js.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { evaluate, parse } from 'groq-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import { PREFECTURES } from '#domain/region'
import { toDisplay } from '#domain/map/datum'
import { providerSpec } from '#domain/map/providers'
import { requestEvent, requestPatchForTalk, talkFromRequest, type TalkRequestDoc } from '../../studio/lib/requestInbox'
import { launchBrowser, resolveStatic, thirdParty } from '../browser/harness'

const requests = loadDatasetFile(DEFAULT_DATASET).documents.filter(
  (d) => d._type === 'talkRequest',
) as unknown as TalkRequestDoc[]
const SANITY_UI_FONTS = 'https://design-system-static.sanity.io/'
const lanzhou = PREFECTURES.find((p) => p.name === '兰州市')!
const chengguan = lanzhou.counties.find((c) => c.name === '城关区')!

let outDir: string
let server: Server
let origin: string
let browser: Browser
/** Bodies POSTed to the Sanity mutate endpoint; `failNext` answers the next one with a 500. */
const mutations: any[] = []
let failNext = false
/** The documents the query endpoint answers from (raw perspective: drafts included). */
let lake: any[] = []

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'laomo-studio-page-'))
  await build({
    root: path.resolve('tests/studio/page'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  })
  server = createServer((req, res) => {
    if (req.method === 'POST' && /\/data\/mutate\/production/.test(req.url ?? '')) {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        mutations.push(JSON.parse(body))
        res.writeHead(failNext ? 500 : 200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(failNext ? { error: { description: 'boom' } } : { transactionId: 'tx-1', results: [] }))
        failNext = false
      })
      return
    }
    if (req.method === 'GET' && /\/data\/query\/production/.test(req.url ?? '')) {
      const url = new URL(req.url!, 'http://x')
      const params = Object.fromEntries(
        [...url.searchParams].filter(([k]) => k.startsWith('$')).map(([k, v]) => [k.slice(1), JSON.parse(v)]),
      )
      void (async () => {
        const value = await evaluate(parse(url.searchParams.get('query')!, { params }), { dataset: lake, params })
        const result: unknown = await value.get()
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ result }))
      })()
      return
    }
    const file = resolveStatic(outDir, req.url ?? '/')
    if (!file) return void res.writeHead(404).end()
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html'
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  server?.close()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

interface Opened {
  page: Page
  requested: string[]
  errors: string[]
}

async function open(query = ''): Promise<Opened> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 900, height: 900 } })
  const page = await context.newPage()
  const requested: string[] = []
  const errors: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  page.on('pageerror', (e) => errors.push(String(e)))
  // Tiles of a configured provider never leave the machine in tests; nor does the Inter web font
  // @sanity/ui's theme asks for (the Studio's own chrome, not the location input).
  await page.route(/autonavi\.com|tianditu\.gov\.cn|design-system-static\.sanity\.io/, (route) => route.abort())
  await page.goto(`${origin}/${query}`, { waitUntil: 'load' })
  // Drawn: the prefecture seats' labels are on the map.
  await page.getByTestId('location-map').getByText('兰州市', { exact: true }).waitFor({ timeout: 15_000 })
  return { page, requested, errors }
}

const emitted = (page: Page) => page.evaluate(() => window.__emitted) as Promise<any[]>
const search = async (page: Page, text: string) => {
  const input = page.getByLabel('查找地点')
  await input.fill(text)
  await input.press('Enter')
}
/** Click the middle of the map (where a jump centres it). */
async function clickCentre(page: Page) {
  const box = (await page.getByTestId('location-map').boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

describe('LocationInput (bundled offline layer)', () => {
  it('draws Gansu with labelled prefecture seats and fetches nothing from third parties', async () => {
    const { page, requested, errors } = await open()
    for (const p of PREFECTURES) await expect(page.getByText(p.name, { exact: true }).count()).resolves.toBe(1)
    await expect(page.locator('.leaflet-overlay-pane path').count()).resolves.toBeGreaterThan(0)
    // Leaflet's CSS is bundled: panes are absolutely positioned.
    expect(
      await page
        .locator('.leaflet-pane')
        .first()
        .evaluate((el) => getComputedStyle(el).position),
    ).toBe('absolute')
    expect(await page.getByTestId('location-coordinates').textContent()).toContain('尚未设置位置')
    expect(thirdParty(requested, origin).filter((u) => !u.startsWith(SANITY_UI_FONTS))).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('jumps to a typed place name and sets the point with a click', async () => {
    const { page } = await open()
    await search(page, '城关')
    await expect(page.getByRole('status').textContent()).resolves.toContain('已跳转到城关区')
    await clickCentre(page)
    const [patch] = await emitted(page)
    expect(patch).toMatchObject({ type: 'set', path: [], value: { _type: 'geopoint' } })
    // Zoom 12: a pixel is ~0.0003°, so the click lands on the county seat.
    expect(patch.value.lat).toBeCloseTo(chengguan.lat, 2)
    expect(patch.value.lng).toBeCloseTo(chengguan.lng, 2)
    await page.locator('.laomo-location-pin').waitFor()
    expect(await page.getByTestId('location-coordinates').textContent()).toContain(
      `北纬 ${patch.value.lat.toFixed(6)}°，东经 ${patch.value.lng.toFixed(6)}°`,
    )
    await page.context().close()
  })

  it('moves the point when the pin is dragged, and clears it', async () => {
    const { page } = await open(`?value=${encodeURIComponent(JSON.stringify({ _type: 'geopoint', ...lanzhou }))}`)
    const pin = page.locator('.laomo-location-pin')
    const box = (await pin.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 8 })
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 8 })
    await page.mouse.up()
    await expect.poll(async () => (await emitted(page)).length).toBe(1)
    const [dragged] = await emitted(page)
    expect(dragged.type).toBe('set')
    expect(dragged.value.lng).toBeGreaterThan(lanzhou.lng + 0.01)
    expect(dragged.value.lat).toBeCloseTo(lanzhou.lat, 2)

    await page.getByRole('button', { name: '清除位置' }).click()
    const all = await emitted(page)
    expect(all.at(-1)).toEqual({ type: 'unset', path: [] })
    expect(await page.getByTestId('location-coordinates').textContent()).toContain('尚未设置位置')
    await expect(page.locator('.laomo-location-pin').count()).resolves.toBe(0)
    await page.context().close()
  })

  it('takes typed coordinates as the point and warns about a point outside Gansu', async () => {
    const { page } = await open()
    await search(page, '36.5, 104.1')
    const [patch] = await emitted(page)
    expect(patch).toEqual({ type: 'set', path: [], value: { _type: 'geopoint', lat: 36.5, lng: 104.1 } })
    await search(page, '31.23, 121.47')
    await expect(page.getByText(/不在甘肃省境内/).count()).resolves.toBe(1)
    await search(page, '北京')
    await expect(page.getByRole('status').textContent()).resolves.toContain('没有找到“北京”')
    await page.context().close()
  })

  it('is read-only when the form is', async () => {
    const { page } = await open(`?readOnly&value=${encodeURIComponent(JSON.stringify(lanzhou))}`)
    await clickCentre(page)
    expect(await emitted(page)).toEqual([])
    await expect(page.getByRole('button', { name: '清除位置' }).count()).resolves.toBe(0)
    await page.context().close()
  })
})

describe('LocationPicker on Gaode tiles (GCJ-02)', () => {
  it('requests Gaode tiles and stores a point picked on them in WGS84', async () => {
    const { page, requested } = await open('?provider=gaode')
    await search(page, '城关区')
    await clickCentre(page)
    const [value] = await emitted(page)
    const shown = toDisplay(chengguan, providerSpec({ provider: 'gaode' }))
    const off = (p: { lat: number; lng: number }) => Math.hypot(p.lat - chengguan.lat, p.lng - chengguan.lng)
    // The click hit the GCJ-02 position of the seat; what is stored is the WGS84 seat, far closer than the shift.
    expect(off(value)).toBeLessThan(off(shown) / 3)
    expect(requested.some((u) => u.includes('autonavi.com'))).toBe(true)
    await expect(page.getByText(/高德坐标换算为 WGS84/).count()).resolves.toBe(1)
    await page.context().close()
  })

  it('shows the 审图号 an editor typed as text, markup and all', async () => {
    const approval = 'GS(2026)1号<img src=x onerror="window.__injected=1">'
    const { page, errors } = await open(`?provider=gaode&approval=${encodeURIComponent(approval)}`)
    const credits = page.locator('.leaflet-control-attribution')
    await expect(credits.textContent()).resolves.toContain(`审图号：${approval}`)
    await expect(credits.locator('img').count()).resolves.toBe(0)
    expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined()
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('安排报告会 through @sanity/client', () => {
  it('sends one transaction: create the draft talk from the request, link it and mark the request 已安排', async () => {
    const { page } = await open()
    const request = requests.find((r) => r.preferredWorkers?.length && r.preferredDates?.length)!
    mutations.length = 0
    const at = new Date(Date.UTC(2026, 3, 1 + Math.floor(Math.random() * 200), 3, 7, 11, 500)).toISOString()
    const result = await page.evaluate(
      ([host, req, when]) => window.__schedule(host, req, [req._id, `drafts.${req._id}`], when),
      [origin, request, at] as const,
    )
    const talk = talkFromRequest(request)
    expect(result).toEqual({ talkId: talk._id.replace('drafts.', '') })
    expect(mutations).toHaveLength(1)
    // Each version of the request is linked, marked 已安排 and gets the change in its history (the timeline).
    const linked = (id: string) => ({
      patch: {
        id,
        set: requestPatchForTalk(talk._id),
        setIfMissing: { history: [] },
        insert: { after: 'history[-1]', items: [requestEvent('scheduled', new Date(at))] },
      },
    })
    expect(mutations[0].mutations).toEqual([
      { createIfNotExists: talk },
      linked(request._id),
      linked(`drafts.${request._id}`),
    ])
    expect(mutations[0].mutations[1].patch.insert.items[0]).toMatchObject({ status: 'scheduled', at })
    expect(talk).toMatchObject({ venueName: request.school, venueType: 'school', status: 'planned' })
    await page.context().close()
  })

  it('reports a failed transaction to the caller (nothing is half done)', async () => {
    const { page } = await open()
    failNext = true
    const outcome = await page.evaluate(
      ([host, req]) =>
        window.__schedule(host, req, [req._id]).then(
          () => 'ok',
          (e) => `error: ${e.message}`,
        ),
      [origin, requests[0]!] as const,
    )
    expect(outcome).toMatch(/^error/)
    await page.context().close()
  })
})

describe('处理经过: a request’s timeline', () => {
  /** A talk (published, and a draft with a newer title), feedback on it, and feedback on another talk. */
  function world(n: number) {
    const talkId = `talk-${n}-${Math.random().toString(36).slice(2, 8)}`
    const title = `第${n}场报告会（草稿中的新标题）`
    const docs = [
      { _id: talkId, _type: 'talk', title: `第${n}场报告会`, startsAt: '2026-05-20T01:00:00Z', status: 'held' },
      { _id: `drafts.${talkId}`, _type: 'talk', title, startsAt: '2026-05-20T01:00:00Z', status: 'held' },
      ...Array.from({ length: n }, (_, i) => ({
        _id: `fb-${talkId}-${i}`,
        _type: 'talkFeedback',
        _createdAt: `2026-05-2${1 + i}T02:00:00Z`,
        talk: { _type: 'reference', _ref: talkId },
        approved: i % 2 === 0,
      })),
      { _id: `drafts.fb-${talkId}-x`, _type: 'talkFeedback', talk: { _type: 'reference', _ref: talkId } },
      {
        _id: `fb-other-${n}`,
        _type: 'talkFeedback',
        talk: { _type: 'reference', _ref: 'another-talk' },
        approved: true,
      },
    ]
    return { talkId, title, docs }
  }

  async function openTimeline(request: object) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 900, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.route(/design-system-static\.sanity\.io/, (route) => route.abort())
    await page.goto(`${origin}/?timeline=${encodeURIComponent(JSON.stringify(request))}`, { waitUntil: 'load' })
    const list = page.getByRole('list', { name: '申请处理经过' })
    await list.waitFor({ timeout: 15_000 })
    const steps = await list
      .locator(':scope > div > li, :scope li[data-step]')
      .evaluateAll((els) =>
        els.map((el) => ({ step: el.getAttribute('data-step'), text: (el as HTMLElement).innerText })),
      )
    return { page, steps, errors }
  }

  for (const n of [0, 1, 3])
    it(`shows received → contacted → scheduled (link to the talk) → held → ${n} feedback`, async () => {
      const { talkId, title, docs } = world(n)
      lake = docs
      const history = [
        requestEvent('contacted', new Date('2026-04-02T02:30:00Z')),
        requestEvent('scheduled', new Date('2026-04-05T06:00:00Z')),
      ]
      const request = {
        status: 'scheduled',
        receivedAt: '2026-04-01T00:15:00Z',
        talk: { _type: 'reference', _ref: talkId },
        history,
      }
      const { page, steps, errors } = await openTimeline(request)
      expect(steps.map((s) => s.step)).toEqual([
        'received',
        'contacted',
        'scheduled',
        'held',
        ...Array(n).fill('feedback'),
      ])
      expect(steps[0]!.text).toContain('2026-04-01 08:15')
      expect(steps[1]!.text).toContain('2026-04-02 10:30')
      expect(steps[2]!.text).toContain(title)
      expect(steps[3]!.text).toContain('2026-05-20 09:00')
      steps.slice(4).forEach((s, i) => expect(s.text).toContain(i % 2 === 0 ? '已审核，可公开' : '待审核'))
      const link = page.locator('[data-step="scheduled"] a')
      expect(await link.textContent()).toBe('打开报告会')
      expect(await link.getAttribute('href')).toBe(`#talk=${talkId}`)
      expect(errors).toEqual([])
      await page.context().close()
    })

  it('gives a request from before history existed the steps its fields tell, and the note of a decline', async () => {
    lake = []
    const note = `该时段劳模另有安排（${Math.random().toString(36).slice(2, 6)}），建议改约下学期。`
    const { page, steps } = await openTimeline({
      status: 'declined',
      receivedAt: '2025-11-03T09:00:00Z',
      replyNote: note,
    })
    expect(steps.map((s) => s.step)).toEqual(['received', 'declined'])
    expect(steps[1]!.text).toContain(note)
    expect(steps[1]!.text).toContain('时间未记录')
    await page.context().close()
  })

  it('marks a talk still to come as pending and shows no feedback step without feedback', async () => {
    const talkId = `talk-planned-${Math.random().toString(36).slice(2, 8)}`
    lake = [
      {
        _id: `drafts.${talkId}`,
        _type: 'talk',
        title: '尚未发布的报告会',
        startsAt: '2027-03-01T01:00:00Z',
        status: 'planned',
      },
    ]
    const { page, steps } = await openTimeline({
      status: 'scheduled',
      receivedAt: '2026-10-01T00:00:00Z',
      talk: { _type: 'reference', _ref: talkId },
    })
    expect(steps.map((s) => s.step)).toEqual(['received', 'scheduled', 'due'])
    expect(steps[2]!.text).toContain('2027-03-01 09:00（尚未举行）')
    await page.context().close()
  })
})
