/**
 * The public pages in Chromium: content matches the dataset, filters work by clicking, links
 * resolve, the sitemap lists every built page, HTML-like text stays text, search finds Chinese.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { isPrintViewPath } from '#domain/paths'
import { openPage, STATIC_DIR, thirdParty, useSite } from './harness'
import { groq, pageTypes, samples } from './expected'

const site = useSite()
let s: Awaited<ReturnType<typeof samples>>
let urls: Record<string, string>
beforeAll(async () => {
  s = await samples()
  urls = await pageTypes()
})

const NOW = process.env.LAOMO_NOW || new Date().toISOString()
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).count()
const jsonLd = async (page: Page) =>
  JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
const status = async (url: string) => (await fetch(url)).status

describe('home', () => {
  it('shows the latest stories, the upcoming talks and a way into the map', async () => {
    // The lead story (the newest with a picture) opens the page; the list holds the next five newest.
    const lead = await groq<string>(`*[_type == "story" && defined(mainImage)] | order(publishedAt desc)[0]._id`)
    const stories = await groq<string[]>(`*[_type == "story" && _id != $lead] | order(publishedAt desc)[0...5].title`, {
      lead,
    })
    const upcoming = await groq<number>(`count(*[_type == "talk" && status != "held" && startsAt > $now])`, {
      now: NOW,
    })
    const { page } = await openPage(site.browser, `${site.origin}/`)
    expect(await page.locator('[data-latest-stories] h3').allTextContents()).toEqual(stories)
    expect(await page.locator('[data-upcoming] [data-talk-id]').count()).toBe(Math.min(5, upcoming))
    expect(await page.locator('main a[href="/map/"]').count()).toBeGreaterThan(0)
    const nav = await page.locator('nav[aria-label="主导航"] a').allTextContents()
    expect(nav).toEqual(['首页', '劳模风采', '报告会', '宣讲地图', '图片', '报道', '数据', '劳模进校园', '搜索'])
    await page.context().close()
  })
})

describe('workers list', () => {
  it('filters by sector, prefecture and honour level without reloading', async () => {
    const total = await groq<number>(`count(*[_type == "modelWorker"])`)
    const sector = await groq<{ sector: string; n: number }>(
      `*[_type == "modelWorker" && defined(sector)] | order(sector asc)[0]{ sector, "n": count(*[_type == "modelWorker" && sector == ^.sector]) }`,
    )
    const national = await groq<number>(`count(*[_type == "modelWorker" && "national" in honours[].level])`)
    const { page } = await openPage(site.browser, `${site.origin}/workers/`)
    const loaded = await page.evaluate(() => performance.timeOrigin)
    expect(await visible(page, '#worker-list [data-filter-item]')).toBe(total)
    await page.locator('select[name=sector]').selectOption(sector.sector)
    expect(await visible(page, '#worker-list [data-filter-item]')).toBe(sector.n)
    expect(await page.locator('[data-filter-status]').textContent()).toContain(`显示 ${sector.n} / ${total}`)
    expect(page.url()).toContain(`sector=${sector.sector}`)
    await page.getByRole('button', { name: '清除筛选' }).click()
    await page.locator('select[name=level]').selectOption('national')
    expect(await visible(page, '#worker-list [data-filter-item]')).toBe(national)
    for (const card of await page.locator('#worker-list [data-filter-item]:visible').all())
      expect(await card.textContent()).toContain('全国')
    // An impossible combination shows the empty state in Chinese.
    const prefectures = await page.locator('select[name=prefecture]').locator('option').allTextContents()
    let emptied = false
    for (const p of prefectures.slice(1)) {
      await page.locator('select[name=prefecture]').selectOption(p)
      if ((await visible(page, '#worker-list [data-filter-item]')) === 0) {
        emptied = true
        break
      }
    }
    if (emptied) expect(await page.locator('[data-filter-empty]').isVisible()).toBe(true)
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded) // no reload
    await page.context().close()
  })

  it('keeps the 虚构人物 label on every fictional worker card', async () => {
    const fictional = await groq<number>(`count(*[_type == "modelWorker" && fictional == true])`)
    const { page } = await openPage(site.browser, `${site.origin}/workers/`)
    expect(await page.locator('.worker-card .badge-fictional').count()).toBe(fictional)
    await page.context().close()
  })
})

describe('worker profile', () => {
  it('lists every talk with links, their photos, the map, calendar and school-booking links', async () => {
    const w = s.schoolsWorker
    const { page } = await openPage(site.browser, `${site.origin}/workers/${w.slug}/`)
    expect(await page.locator('h1').textContent()).toBe(w.name)
    expect(await page.locator('.profile .talk-item a[href^="/talks/"]').count()).toBe(w.talks)
    expect(await page.locator('.photo-grid figure figcaption').count()).toBe(w.photos)
    expect(await page.locator('[data-map-link]').getAttribute('href')).toBe(`/map/?worker=${w.slug}`)
    expect(await page.locator('[data-map-link]').textContent()).toBe('在地图上查看')
    expect(await page.locator('[data-calendar-link]').getAttribute('href')).toBe(`/calendar/workers/${w.slug}.ics`)
    const cta = page.locator('[data-cta-schools]')
    expect((await cta.textContent())?.trim()).toBe('请劳模进校园')
    expect(await cta.getAttribute('href')).toBe(`/schools/?worker=${w.slug}#request`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await cta.isVisible()).toBe(false)
    await page.context().close()
    if (s.notForSchools) {
      const other = await openPage(site.browser, `${site.origin}/workers/${s.notForSchools.slug}/`)
      expect(await other.page.locator('[data-cta-schools]').count()).toBe(0)
      await other.page.context().close()
    }
  })
})

describe('talks list', () => {
  it('lists every talk, past ones newest first, grouped by month, and filters by venue type and prefecture', async () => {
    const total = await groq<number>(`count(*[_type == "talk"])`)
    const school = await groq<number>(`count(*[_type == "talk" && venueType == "school"])`)
    const pair = await groq<{ prefecture: string; n: number }>(
      `*[_type == "talk" && venueType == "school"] | order(prefecture asc)[0]{ prefecture, "n": count(*[_type == "talk" && venueType == "school" && prefecture == ^.prefecture]) }`,
    )
    const { page } = await openPage(site.browser, `${site.origin}/talks/`)
    const items = page.locator('#talk-list [data-filter-item]')
    expect(await items.count()).toBe(total)
    // Talks still to come lead, nearest first (tests/browser/report.test.ts); the rest by year, newest first.
    const past = '#talk-list > section:not([data-talk-group="upcoming"])'
    const times = await page.locator(`${past} time`).evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!))
    expect(times.length).toBeGreaterThan(0)
    expect([...times].sort().reverse()).toEqual(times)
    const months = await page.locator(`${past} section h3`).allTextContents()
    expect(new Set(months).size).toBe(months.length)
    expect(months[0]).toMatch(/^\d{4}年\d{1,2}月$/)
    await page.locator('select[name=type]').selectOption('school')
    expect(await visible(page, '#talk-list [data-filter-item]')).toBe(school)
    await page.locator('select[name=prefecture]').selectOption(pair.prefecture)
    expect(await visible(page, '#talk-list [data-filter-item]')).toBe(pair.n)
    // Months without a matching talk disappear with their heading.
    for (const section of await page.locator('#talk-list section:visible').all())
      expect(await section.locator('[data-filter-item]:visible').count()).toBeGreaterThan(0)
    await page.context().close()
  })
})

describe('talk page', () => {
  it('shows date, venue, place, linked speakers, tour, photos, the map link and Event JSON-LD', async () => {
    const t = s.talk
    const { page } = await openPage(site.browser, `${site.origin}/talks/${t._id}/`)
    expect(await page.locator('h1').textContent()).toBe(t.title)
    expect(await page.locator('.facts time').first().getAttribute('datetime')).toBe(t.startsAt)
    expect(await page.locator('[data-venue]').textContent()).toBe(t.venueName)
    expect(await page.locator('[data-speakers] a').allTextContents()).toEqual(t.speakers)
    expect(await page.locator(`a[href="/tours/${t.tour}/"]`).count()).toBe(1)
    expect(await page.locator('.photo-grid figure').count()).toBe(t.photos)
    expect(await page.locator('[data-map-link]').getAttribute('href')).toBe(`/map/?talk=${t._id}`)
    const ld = await jsonLd(page)
    expect(ld['@type']).toBe('Event')
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled')
    expect(ld.location['@type']).toBe('Place')
    expect(ld.location.geo).toEqual({ '@type': 'GeoCoordinates', latitude: t.lat, longitude: t.lng })
    await page.context().close()
  })

  it('marks a cancelled talk clearly', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/talks/${s.cancelled._id}/`)
    expect(await page.locator('[data-cancelled]').textContent()).toContain('已取消')
    expect((await jsonLd(page)).eventStatus).toBe('https://schema.org/EventCancelled')
    await page.context().close()
  })
})

describe('photos', () => {
  it('shows every photo with caption and credit, labels placeholders, and opens each large with its caption', async () => {
    const photos = await groq<{ _id: string; caption: string; credit: string | null; placeholder: boolean }[]>(
      `*[_type == "photo" && !(showsMinors == true && minorsConsent != true)]{ _id, caption, credit, placeholder }`,
    )
    const { page } = await openPage(site.browser, `${site.origin}/photos/`)
    expect(await page.locator('[data-photo-id]').count()).toBe(photos.length)
    for (const p of photos.slice(0, 8)) {
      const caption = await page.locator(`[data-photo-id="${p._id}"] figcaption`).first().textContent()
      expect(caption).toContain(p.caption)
      if (p.credit) expect(caption).toContain(p.credit)
      if (p.placeholder) expect(caption).toContain('占位图')
    }
    const img = page.locator(`[data-photo-id="${s.photo._id}"] img`).first()
    expect(await img.getAttribute('width')).toBeTruthy()
    expect(await img.getAttribute('height')).toBeTruthy()
    expect(await img.getAttribute('srcset')).toContain('w,')
    // With JavaScript a click opens the large view in place (cards.test.ts); the link is the photo's page.
    const link = page.locator(`[data-photo-id="${s.photo._id}"] a`).first()
    expect(await link.getAttribute('href')).toBe(`/photos/${s.photo._id}/`)
    await page.goto(`${site.origin}/photos/${s.photo._id}/`)
    expect(await page.locator('.photo-large figcaption').textContent()).toContain(s.photo.caption)
    const large = page.locator('.photo-large img')
    expect(await large.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth >= 640)).toBe(true)
    await page.context().close()
  })
})

describe('stories', () => {
  it('renders HTML-like text in Portable Text as text, with related workers and Article JSON-LD', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/stories/${s.story.slug}/`)
    expect(await page.locator('h1').textContent()).toBe(s.story.title)
    expect(await page.locator('.prose').textContent()).toContain('<b>不是标签</b>')
    expect(await page.locator('.prose b').count()).toBe(0)
    expect(await page.locator('.prose figure figcaption').count()).toBeGreaterThan(0)
    expect(await page.locator('#related-heading + ul .worker-card').count()).toBe(s.story.related)
    expect((await jsonLd(page))['@type']).toBe('Article')
    await page.context().close()
  })

  it('lists every story and has an RSS feed of them', async () => {
    const count = await groq<number>(`count(*[_type == "story"])`)
    const { page } = await openPage(site.browser, `${site.origin}/stories/`)
    expect(await page.locator('.story-card').count()).toBe(count)
    await page.context().close()
    const rss = await (await fetch(`${site.origin}/rss.xml`)).text()
    expect(rss.match(/<item>/g)?.length).toBe(count)
  })
})

describe('tour and stats', () => {
  it('a tour page lists its stops', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/tours/${s.tour.slug}/`)
    expect(await page.locator('h1').textContent()).toBe(s.tour.title)
    expect(await page.locator('.talk-item').count()).toBe(s.tour.stops)
    await page.context().close()
  })

  it('the stats page shows the dataset numbers in its tables and draws SVG charts without scripts', async () => {
    const expected = await groq<{
      venue: Record<string, number>
      prefectures: string[]
      audience: number
    }>(`{
      "venue": { "enterprise": count(*[_type == "talk" && venueType == "enterprise"]),
                 "school": count(*[_type == "talk" && venueType == "school"]),
                 "community": count(*[_type == "talk" && venueType == "community"]) },
      "prefectures": *[_type == "talk"].prefecture,
      "audience": math::sum(*[_type == "talk" && status == "held"].audienceSize)
    }`)
    const { page, requests } = await openPage(site.browser, `${site.origin}/stats/`)
    // Each row's total (td[data-value]); the charts now count cancelled talks too, in their own column.
    const cell = (chart: string, key: string) =>
      page.locator(`[data-chart="${chart}"] tr[data-key="${key}"] td[data-value]`).getAttribute('data-value')
    for (const [key, n] of Object.entries(expected.venue)) expect(await cell('by-venue', key)).toBe(String(n))
    const perPrefecture = new Map<string, number>()
    for (const p of expected.prefectures) perPrefecture.set(p, (perPrefecture.get(p) ?? 0) + 1)
    for (const [p, n] of perPrefecture) expect(await cell('by-prefecture', p)).toBe(String(n))
    expect(await page.locator('[data-audience-total]').getAttribute('data-audience-total')).toBe(
      String(expected.audience),
    )
    expect(await page.locator('[data-chart] svg rect').count()).toBeGreaterThan(20)
    expect(requests.filter((r) => r.endsWith('.js'))).toEqual([])
    await page.context().close()
  })
})

describe('search', () => {
  it('finds a Chinese word inside a story sentence and links the story', async () => {
    // "留言本" only occurs mid-sentence in the body of this story.
    const texts = await groq<{ title: string; text: string }[]>(
      `*[_type in ["story", "modelWorker", "talk"]]{
        "title": coalesce(title, name),
        "text": coalesce(pt::text(body), "") + coalesce(pt::text(bio), "") + coalesce(summary, "")
      }`,
    )
    expect(texts.filter((t) => t.text.includes('留言本')).map((t) => t.title)).toEqual([s.story.title])
    expect(texts.find((t) => t.title === s.story.title)!.text).toMatch(/[^\s。，]留言本[^\s。，]/)
    const { page, errors, csp } = await openPage(site.browser, `${site.origin}/search/`)
    // Pagefind runs under the production server's policy: its WebAssembly needs 'wasm-unsafe-eval', no more.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' /)
    await page.getByLabel('搜索劳模、报告会和报道').fill('留言本')
    const first = page.locator('[data-search-results] li a').first()
    await first.waitFor()
    expect(await first.getAttribute('href')).toContain(`/stories/${s.story.slug}/`)
    // The excerpt shows the sentence with the match highlighted.
    const excerpt = page.locator('[data-search-results] li').first().locator('p')
    expect(await excerpt.textContent()).toContain('留言本')
    expect(await excerpt.locator('mark').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('finds a worker by a word of their name', async () => {
    const { page } = await openPage(
      site.browser,
      `${site.origin}/search/?q=${encodeURIComponent(s.schoolsWorker.name)}`,
    )
    await page.locator('[data-search-results] li a').first().waitFor()
    expect(
      await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toContain(`/workers/${s.schoolsWorker.slug}/`)
    await page.context().close()
  })

  it('indexes every page that carries data-pagefind-body, and only those', () => {
    const searchable = readdirSync(STATIC_DIR, { recursive: true, encoding: 'utf8' }).filter(
      (file) =>
        file.endsWith('.html') && readFileSync(path.join(STATIC_DIR, file), 'utf8').includes('data-pagefind-body'),
    )
    const entry = JSON.parse(readFileSync(path.join(STATIC_DIR, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>
    }
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)
    expect(searchable.length).toBeGreaterThan(200)
    expect(indexed).toBe(searchable.length)
  })

  it('finds a talk by its title', async () => {
    // A title no other talk has.
    const titles = await groq<{ _id: string; title: string }[]>(`*[_type == "talk"]{ _id, title }`)
    const talk = titles.find((t) => titles.filter((u) => u.title === t.title).length === 1)!
    const { page, errors, requests } = await openPage(
      site.browser,
      `${site.origin}/search/?q=${encodeURIComponent(talk.title)}`,
    )
    await page.locator('[data-search-results] li a').first().waitFor()
    expect(
      await page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toContain(`/talks/${talk._id}/`)
    expect(thirdParty(requests, site.origin)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})

/** Routes other work builds (map, schools, calendars): checked once they are in the output. */
const OTHER_WORK = ['/map/', '/schools/', '/calendar']
const builtElsewhere = (p: string) => {
  const prefix = OTHER_WORK.find((o) => p.startsWith(o))
  if (!prefix) return true
  return prefix === '/calendar'
    ? existsSync(path.join(STATIC_DIR, 'calendar.ics'))
    : existsSync(path.join(STATIC_DIR, prefix))
}

describe('links and sitemap', () => {
  it('every internal link on every page type resolves', async () => {
    const links = new Set<string>()
    for (const url of Object.values(urls)) {
      if (url === urls.notFound) continue
      const html = await (await fetch(`${site.origin}${url}`)).text()
      for (const m of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
        const href = new URL(m[1]!.replace(/&amp;/g, '&'), `${site.origin}${url}`)
        if (href.origin === site.origin) links.add(href.href.split('#')[0]!)
      }
    }
    expect(links.size).toBeGreaterThan(50)
    const broken: string[] = []
    for (const link of links) {
      const p = new URL(link).pathname
      if (!builtElsewhere(p)) continue
      if ((await status(link)) !== 200) broken.push(p)
    }
    expect(broken).toEqual([])
  })

  it('the sitemap lists every built page (and no Studio), and each returns 200', async () => {
    const index = await (await fetch(`${site.origin}/sitemap-index.xml`)).text()
    const locs: string[] = []
    for (const m of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const xml = await (await fetch(`${site.origin}${new URL(m[1]!).pathname}`)).text()
      for (const l of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) locs.push(new URL(l[1]!).pathname)
    }
    const built: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name)
        if (e.isDirectory()) {
          if (!['studio', 'pagefind', '_astro'].includes(e.name)) walk(full)
        } else if (e.name === 'index.html') built.push(`/${path.relative(STATIC_DIR, dir)}/`.replace(/\/+/g, '/'))
      }
    }
    walk(STATIC_DIR)
    expect(locs.some((l) => l.startsWith('/studio'))).toBe(false)
    // Print views (posters, 打印简介) are built but kept out: they copy a page for paper.
    const printViews = built.filter((p) => isPrintViewPath(decodeURI(p)))
    expect(printViews.length).toBeGreaterThan(0)
    expect([...locs].sort()).toEqual(built.filter((p) => !printViews.includes(p)).sort())
    const bad: string[] = []
    for (const l of locs) if ((await status(`${site.origin}${l}`)) !== 200) bad.push(l)
    expect(bad).toEqual([])
  })

  it('an unknown address gets the 404 page', async () => {
    const res = await fetch(`${site.origin}/no-such-page/`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('页面不存在')
  })
})
