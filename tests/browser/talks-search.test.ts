/**
 * Issue 22, "the public face": /talks/ is grouped with a jump list and a 返回顶部 link, talk pages
 * have the breadcrumb, search results show their type and no page furniture, and the 404 page names
 * no canonical address. Expectations come from the built pages and the content, not fixed numbers.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { groq, samples } from './expected'
import { STATIC_DIR, useSite } from './harness'
import { noOverflow, openAt, VIEWPORTS } from './viewports'

const site = useSite()
const open = (url: string, viewport: { width: number; height: number }, javaScript = true) =>
  openAt(site, url, viewport, javaScript)

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
