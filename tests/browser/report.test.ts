/**
 * Issue 22, "the public face": /stats/ reads like a report (each chart once, its table one click
 * away, months under their years, held / planned / cancelled told apart without colour, totals the
 * same as the figure sentence), /talks/ is grouped with a jump list and a 返回顶部 link, talk pages
 * have the breadcrumb, search results show their type and no page furniture, and the 404 page names
 * no canonical address. Expectations come from the built pages and the content, not fixed numbers.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { groq, samples } from './expected'
import { axeViolations, openPage, STATIC_DIR, thirdParty, useSite } from './harness'

const site = useSite()
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]

async function open(url: string, viewport: { width: number; height: number }, javaScript = true) {
  const opened = await openPage(site.browser, `${site.origin}${url}`, { javaScript })
  await opened.page.setViewportSize(viewport)
  return opened
}

/** The figure sentence's numbers, read from its attributes and checked against its words. */
async function figures(page: Page) {
  const box = page.locator('[data-talk-figures]')
  const n = async (name: string) => Number(await box.getAttribute(`data-${name}`))
  const f = {
    total: await n('total'),
    held: await n('held'),
    planned: await n('planned'),
    cancelled: await n('cancelled'),
  }
  const sentence = (await box.locator('[data-figure-sentence]').textContent())!.replace(/,/g, '')
  expect(sentence).toContain(`共 ${f.total} 场`)
  expect(sentence).toContain(`已举办 ${f.held} 场`)
  expect(sentence).toContain(`计划中 ${f.planned} 场`)
  expect(sentence).toContain(`已取消 ${f.cancelled} 场`)
  return f
}

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)

describe('/stats/ reads like a report', () => {
  it.each(VIEWPORTS)('each chart once, its table in <details>, totals equal the figure sentence (%o)', async (vp) => {
    const home = await open('/', vp)
    const onHome = await figures(home.page)
    await home.page.context().close()
    const { page, errors, requests } = await open('/stats/', vp)
    const f = await figures(page)
    expect(f).toEqual(onHome)
    expect(f.held + f.planned + f.cancelled).toBe(f.total)

    const charts = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))
    expect(new Set(charts).size).toBe(charts.length)
    expect(charts.length).toBeGreaterThanOrEqual(5)
    for (const id of charts) {
      const chart = page.locator(`[data-chart="${id}"]`)
      // One heading saying what it counts, one chart, one table behind a closed "查看数据表".
      expect(await chart.locator('h2').count()).toBe(1)
      const details = chart.locator('details')
      expect(await details.count()).toBe(1)
      expect((await details.locator('summary').textContent())!.trim()).toBe('查看数据表')
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false)
      const table = details.locator('table')
      expect(await table.isVisible()).toBe(false)
      await details.locator('summary').click()
      expect(await table.isVisible()).toBe(true)
      if (id === 'audience') continue
      // Stacked charts: every row by state; columns add up to the figure sentence's parts.
      const sums = await table.evaluate((t) => {
        const col = (state: string) =>
          [...t.querySelectorAll(`tbody td[data-state="${state}"]`)].reduce(
            (n, td) => n + Number(td.textContent!.replace(/,/g, '')),
            0,
          )
        const foot = (state: string) =>
          Number(t.querySelector(`tfoot td[data-state="${state}"]`)!.getAttribute('data-sum'))
        return {
          held: col('held'),
          planned: col('planned'),
          cancelled: col('cancelled'),
          footHeld: foot('held'),
          footPlanned: foot('planned'),
          footCancelled: foot('cancelled'),
          total: Number(t.querySelector('tfoot td:not([data-state])')!.getAttribute('data-sum')),
        }
      })
      expect(sums, id!).toEqual({
        held: f.held,
        planned: f.planned,
        cancelled: f.cancelled,
        footHeld: f.held,
        footPlanned: f.planned,
        footCancelled: f.cancelled,
        total: f.total,
      })
    }
    // The venue chart's rows are the venue sentence's numbers.
    const venues = (await page.locator('[data-figure-venues]').textContent())!.replace(/,/g, '')
    for (const row of await page.locator('[data-chart="by-venue"] tbody tr[data-key]').all()) {
      const label = await row.locator('th').textContent()
      expect(venues).toContain(`${label} ${await row.locator('td[data-value]').getAttribute('data-value')} 场`)
    }
    expect(await noOverflow(page)).toBe(true)
    expect(thirdParty(requests, site.origin)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('groups the months under their years, in order, in the chart and in the table', async () => {
    const { page } = await open('/stats/', VIEWPORTS[0]!)
    const chart = page.locator('[data-chart="by-month"]')
    const groups = await chart.locator('[data-chart-group]').evaluateAll((els) =>
      els.map((g) => ({
        heading: g.querySelector('h3')?.textContent?.trim(),
        months: [...g.querySelectorAll('[data-bar]')].map((b) => b.getAttribute('data-bar')!),
      })),
    )
    const talks = await groq<string[]>(`*[_type == "talk"].startsAt`)
    const china = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso))
    const years = [...new Set(talks.map((t) => china(t).slice(0, 4)))].sort()
    expect(groups.map((g) => g.heading)).toEqual(years.map((y) => `${y}年`))
    const months = groups.flatMap((g) => g.months)
    expect([...months].sort()).toEqual(months)
    for (const g of groups) for (const m of g.months) expect(`${m.slice(0, 4)}年`).toBe(g.heading)
    // Every month with a talk is there (gaps too, as zero).
    for (const t of talks) expect(months).toContain(china(t).slice(0, 7))
    const rowGroups = await chart.locator('tbody').evaluateAll((els) =>
      els.map((b) => ({
        heading: b.querySelector('th[scope=rowgroup]')?.textContent?.trim(),
        months: [...b.querySelectorAll('tr[data-key]')].map((r) => r.getAttribute('data-key')!),
      })),
    )
    expect(rowGroups).toEqual(groups)
    await page.context().close()
  })

  it('tells held, planned and cancelled apart by pattern and words, not colour alone', async () => {
    const { page } = await open('/stats/', VIEWPORTS[1]!)
    const legend = await page
      .locator('[data-chart="by-venue"] [data-legend] li')
      .evaluateAll((els) =>
        els.map((li) => [li.textContent!.trim(), li.querySelector('rect[data-fill]')!.getAttribute('data-fill')]),
      )
    expect(legend).toEqual([
      ['已举办', 'solid'],
      ['计划中', 'hatched'],
      ['已取消', 'outline'],
    ])
    const look = await page.locator('[data-chart="by-venue"] svg.chart-svg rect[data-series]').evaluateAll((rects) =>
      rects.map((r) => {
        const fill = r.getAttribute('fill')!
        const ref = /^url\(#(.+)\)$/.exec(fill)?.[1]
        return {
          series: r.getAttribute('data-series'),
          fill: ref ? document.getElementById(ref)?.tagName : fill,
          dashed: !!r.getAttribute('stroke-dasharray'),
          title: r.querySelector('title')?.textContent,
        }
      }),
    )
    const held = look.filter((l) => l.series === 'held')
    const planned = look.filter((l) => l.series === 'planned')
    expect(held.length).toBeGreaterThan(0)
    expect(planned.length).toBeGreaterThan(0)
    for (const l of held)
      expect([l.fill, l.dashed, l.title]).toEqual(['currentColor', false, expect.stringContaining('已举办')])
    for (const l of planned)
      expect([l.fill, l.dashed, l.title]).toEqual(['pattern', false, expect.stringContaining('计划中')])
    for (const l of look.filter((x) => x.series === 'cancelled'))
      expect([l.dashed, l.title]).toEqual([true, expect.stringContaining('已取消')])
    await page.context().close()
  })
})

describe('/talks/ grouped, with a jump list and 返回顶部', () => {
  it.each(VIEWPORTS)(
    'lists every talk once, upcoming first, and the jump links land on their groups (%o)',
    async (vp) => {
      const total = await groq<number>(`count(*[_type == "talk"])`)
      const { page, errors } = await open('/talks/', vp)
      const ids = await page
        .locator('#talk-list [data-talk-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-talk-id')))
      expect(ids.length).toBe(total)
      expect(new Set(ids).size).toBe(total)

      const groups = await page.locator('#talk-list > section').evaluateAll((els) =>
        els.map((s) => ({
          group: s.getAttribute('data-talk-group')!,
          heading: s.querySelector('h2')!.textContent!.trim(),
          times: [...s.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!),
        })),
      )
      const [first, ...years] = groups[0]!.group === 'upcoming' ? groups : [undefined, ...groups]
      const past = years.flatMap((y) => y!.times)
      if (first) {
        expect(first.heading).toBe('即将到来')
        expect([...first.times].sort()).toEqual(first.times) // nearest first
        expect(first.times.every((t) => past.every((p) => t > p))).toBe(true)
      }
      expect([...past].sort().reverse()).toEqual(past) // newest first
      const china = (iso: string) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso))
      for (const y of years) {
        expect(y!.heading).toBe(`${y!.group}年`)
        for (const t of y!.times) expect(china(t).slice(0, 4)).toBe(y!.group)
      }

      const jumps = await page.locator('[data-jump-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      expect(jumps.length).toBeGreaterThan(groups.length)
      for (const href of jumps) {
        expect(href).toMatch(/^#/)
        const target = page.locator(`#talk-list ${href}`)
        expect(await target.count(), href).toBe(1)
        expect(
          await target.evaluate(
            (h) => /^H[23]$/.test(h.tagName) && !!h.closest('section')?.querySelector('[data-talk-id]'),
          ),
        ).toBe(true)
      }
      // Following a link from the middle of the list brings its group to the top of the screen.
      const middle = jumps[Math.floor(jumps.length / 2)]!
      await page.locator(`[data-jump-list] a[href="${middle}"]`).click()
      await page.waitForFunction((h) => Math.abs(document.querySelector(h)!.getBoundingClientRect().top) < 5, middle)
      expect(page.url()).toContain(middle)
      expect(await noOverflow(page)).toBe(true)
      expect(errors).toEqual([])
      await page.context().close()
    },
  )

  it.each([true, false])('返回顶部 goes back to the top (JavaScript %s)', async (javaScript) => {
    const { page } = await open('/talks/', VIEWPORTS[0]!, javaScript)
    const links = page.locator('a:text-is("返回顶部")')
    expect(await links.count()).toBeGreaterThan(0)
    const last = links.last()
    expect(await last.getAttribute('href')).toBe('#top')
    await last.scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(2000)
    await last.click()
    // "#top" names no element: HTML scrolls to the top of the document, script or not.
    await page.waitForFunction(() => scrollY === 0)
    expect(await page.locator('#top').count()).toBe(0)
    expect(await page.locator('.site-header').isVisible()).toBe(true)
    await page.context().close()
  })

  it('filters still work, and the jump list keeps only the groups left', async () => {
    const school = await groq<number>(`count(*[_type == "talk" && venueType == "school"])`)
    const { page } = await open('/talks/', VIEWPORTS[1]!)
    await page.locator('select[name=type]').selectOption('school')
    expect(await page.locator('#talk-list [data-filter-item]:visible').count()).toBe(school)
    await page.locator('select[name=prefecture]').selectOption({ index: 1 })
    const shown = await page.locator('#talk-list [data-filter-item]:visible').count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(school)
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('[data-jump-list] a')].every(
        (a) => a.checkVisibility() === document.querySelector(a.getAttribute('href')!)!.checkVisibility(),
      ),
    )
    const visibleJumps = await page.locator('[data-jump-list] a:visible').count()
    const all = await page.locator('[data-jump-list] a').count()
    expect(visibleJumps).toBeGreaterThan(0)
    expect(visibleJumps).toBeLessThan(all)
    await page.locator('button[type=reset]').click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-jump-list] a:not(li[hidden] a)').length === n,
      all,
    )
    await page.context().close()
  })
})

describe('talk page breadcrumb', () => {
  it.each(VIEWPORTS)('首页 › 报告会 › the talk, linked (%o)', async (vp) => {
    const { talk } = await samples()
    const { page, errors } = await open(`/talks/${talk._id}/`, vp)
    const nav = page.locator('nav[aria-label="面包屑"]')
    expect(await nav.count()).toBe(1)
    const items = await nav
      .locator('li')
      .evaluateAll((lis) =>
        lis.map((li) => [
          li.textContent!.trim(),
          li.querySelector('a')?.getAttribute('href') ?? null,
          li.getAttribute('aria-current'),
        ]),
      )
    expect(items).toEqual([
      ['首页', '/', null],
      ['报告会', '/talks/', null],
      [talk.title, null, 'page'],
    ])
    expect(await nav.isVisible()).toBe(true)
    expect(await noOverflow(page)).toBe(true)
    await nav.getByRole('link', { name: '报告会' }).click()
    await page.waitForURL('**/talks/')
    expect(await page.locator('h1').textContent()).toBe('报告会')
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('search results: their type, and excerpts from the content', () => {
  const FURNITURE = ['在地图上查看', '订阅', '加入日历', '面包屑', '请劳模进校园']
  async function result(query: string, href: string, type = '') {
    const { page, errors } = await open(
      `/search/?q=${encodeURIComponent(query)}${type ? `&type=${encodeURIComponent(type)}` : ''}`,
      VIEWPORTS[0]!,
    )
    await page.locator('[data-search-results] li a').first().waitFor()
    const rows = await page.locator('[data-search-results] li').evaluateAll((lis) =>
      lis.map((li) => ({
        href: li.querySelector('a')!.getAttribute('href'),
        type: li.querySelector('[data-result-type]')?.textContent,
        excerpt: li.querySelector('p')!.textContent!,
      })),
    )
    // The whole text Pagefind indexed for that page (what every excerpt is cut from), through its own API.
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const content = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js')
      const search = await pagefind.search(${JSON.stringify(query)})
      for (const r of search.results) {
        const data = await r.data()
        if (data.url === ${JSON.stringify(href)}) return data.content
      }
    })()`)) as string | undefined
    expect(errors).toEqual([])
    await page.context().close()
    return { rows, row: rows.find((r) => r.href === href), content }
  }

  it('a talk title finds the talk, typed 报告会, its excerpt without page furniture', async () => {
    const titles = await groq<{ _id: string; title: string; location: unknown }[]>(
      `*[_type == "talk" && defined(location)]{ _id, title, location }`,
    )
    const talk = titles.find((t) => titles.filter((u) => u.title === t.title).length === 1)!
    const { row, content } = await result(talk.title, `/talks/${talk._id}/`)
    expect(row?.type).toBe('报告会')
    // The excerpt starts with the talk, not its badges (the facts still name the venue type; a cancelled
    // talk's notice says it is cancelled).
    expect(content!.startsWith(talk.title)).toBe(true)
    for (const word of FURNITURE) expect(row!.excerpt + content).not.toContain(word)
  })

  it('a worker name finds the profile, typed 劳模, without furniture; a story is 报道; the type filter narrows', async () => {
    const s = await samples()
    const { rows, row, content } = await result(s.schoolsWorker.name, `/workers/${s.schoolsWorker.slug}/`)
    expect(row?.type).toBe('劳模')
    expect(content).toContain(s.schoolsWorker.name)
    for (const word of FURNITURE) expect(row!.excerpt + content).not.toContain(word)
    expect(rows.every((r) => ['劳模', '报告会', '报道'].includes(r.type!))).toBe(true)
    const story = await result(s.story.title, `/stories/${s.story.slug}/`)
    expect(story.row?.type).toBe('报道')
    const talksOnly = await result(s.schoolsWorker.name, '', '报告会')
    expect(talksOnly.rows.length).toBeGreaterThan(0)
    expect(talksOnly.rows.every((r) => r.type === '报告会')).toBe(true)
  })
})

describe('accessibility of what this work adds', () => {
  it.each(VIEWPORTS)(
    '/stats/ with every table open, /talks/ and a talk page: 0 axe violations, targets big enough (%o)',
    async (vp) => {
      const { talk } = await samples()
      for (const url of ['/stats/', '/talks/', `/talks/${talk._id}/`]) {
        const { page } = await open(url, vp)
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
        expect(await axeViolations(page), url).toEqual([])
        expect(await axeViolations(page, ['target-size']), url).toEqual([])
        await page.context().close()
      }
    },
  )
})

describe('404 page', () => {
  it('has noindex and no canonical link, in the file and as served', async () => {
    const file = readFileSync(path.join(STATIC_DIR, '404.html'), 'utf8')
    expect(file).not.toMatch(/rel="?canonical/)
    expect(file).toMatch(/<meta name="robots" content="noindex"/)
    const { page } = await open('/no-such-page/', VIEWPORTS[0]!)
    expect(await page.locator('link[rel=canonical]').count()).toBe(0)
    expect(await page.locator('meta[name=robots]').getAttribute('content')).toBe('noindex')
    // Other pages keep theirs.
    const other = readFileSync(path.join(STATIC_DIR, 'talks/index.html'), 'utf8')
    expect(other).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/talks\/"/)
    await page.context().close()
  })
})
