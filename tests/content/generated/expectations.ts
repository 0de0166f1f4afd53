/**
 * Where each published document must show up in a built site, worked out from the document alone (not from
 * the site's code): its page, the lists, the map data, the calendars, the search index, the sitemap and feeds,
 * the pages of what it refers to — every link to it percent-encoded per segment. Each check returns the
 * problems it finds as sentences, so a failing test names every symptom at once.
 */
import type { Doc } from '../../../scripts/content-fixtures/ids.ts'
import { decodeMapPoints } from '../../../site/lib/map/data.ts'
import { imageShapeProblems, richTextProblems } from './rendering.ts'
import { tagMenuProblems, topicMenuProblems, workerMenuProblems } from './topic-menu.ts'
import { escapeHtml, hrefs, ORIGIN, section, type Site } from './site.ts'
import {
  chinaDay,
  chinaTime,
  decodePath,
  photoPath,
  prefectureFeed,
  refOf,
  refsOf,
  slugOf,
  talkFeed,
  talkPath,
  talkPoster,
  tourPath,
  storyPath,
  workerFeed,
  workerPath,
  workerPrint,
} from './urls.ts'

export class Expectations {
  readonly byId: Map<string, Doc>
  readonly pages: Map<string, string>
  readonly search: Set<string>
  readonly sitemap: Set<string>
  /** Every href in every page, by its decoded path: the spellings used, and where. */
  private readonly linkForms = new Map<string, Map<string, string>>()

  constructor(
    readonly site: Site,
    /** Published documents the site must show (public types and the settings). */
    readonly docs: Doc[],
    readonly now: Date,
  ) {
    this.byId = new Map(docs.map((d) => [d._id, d]))
    this.pages = site.pages()
    this.search = site.searchUrls()
    this.sitemap = site.sitemap()
    const note = (from: string, href: string) => {
      let p = href.startsWith(ORIGIN) ? href.slice(ORIGIN.length) : href
      if (!p.startsWith('/')) return
      p = p.split(/[?#]/)[0]!
      const forms = this.linkForms.get(decodePath(p)) ?? new Map<string, string>()
      if (!forms.has(p)) forms.set(p, from)
      this.linkForms.set(decodePath(p), forms)
    }
    for (const [page, html] of this.pages) for (const h of hrefs(html)) note(page, h)
  }

  of(type: string): Doc[] {
    return this.docs.filter((d) => d._type === type)
  }
  isUpcoming(t: Doc): boolean {
    return t.status !== 'held' && new Date(t.startsAt as string) > this.now
  }
  speakersOf(t: Doc): Doc[] {
    return refsOf(t.speakers)
      .map((id) => this.byId.get(id))
      .filter((d): d is Doc => !!d)
  }

  /** The page exists, and every link to it anywhere is spelled exactly `path` (percent-encoded). */
  private page(path: string, what: string): string[] {
    const problems: string[] = []
    if (!this.site.has(path)) problems.push(`${what}: no page ${path} (no file ${this.site.fileOf(path)})`)
    for (const [form, from] of this.linkForms.get(decodePath(path)) ?? [])
      if (form !== path) problems.push(`${what}: ${from} links to it as "${form}", not "${path}"`)
    return problems
  }
  private linked(from: string, to: string, what: string): string[] {
    return hrefs(this.site.read(from)).some((h) => h === to || h === ORIGIN + to)
      ? []
      : [`${what}: ${from} has no link to ${to}`]
  }
  private indexed(path: string, what: string): string[] {
    const problems = []
    if (!this.sitemap.has(ORIGIN + path)) problems.push(`${what}: sitemap has no <loc>${ORIGIN + path}</loc>`)
    return problems
  }
  private searchable(path: string, what: string): string[] {
    return this.search.has(path) ? [] : [`${what}: search index has no page ${path}`]
  }
  private contains(path: string, text: string, what: string, label = `"${text}"`): string[] {
    const html = this.site.read(path)
    return !html || html.includes(escapeHtml(text)) || html.includes(text)
      ? []
      : [`${what}: ${path} does not show ${label}`]
  }

  /**
   * A print view (poster, 打印简介) of `of`: a page kept out of the sitemap and search engines, showing
   * `texts`, with a QR code of `of`'s canonical address.
   */
  private printView(path: string, of: string, texts: string[], what: string): string[] {
    const problems = [...this.page(path, what)]
    const html = this.site.read(path)
    if (!html) return problems
    if (this.sitemap.has(ORIGIN + path)) problems.push(`${what}: sitemap lists print view ${path}`)
    if (!html.includes('content="noindex"')) problems.push(`${what}: ${path} is not noindex`)
    if (!html.includes(`data-qr="${ORIGIN}${of}"`)) problems.push(`${what}: ${path} has no QR code of ${ORIGIN}${of}`)
    for (const text of texts) problems.push(...this.contains(path, text, what))
    return problems
  }

  /**
   * A renamed document's old addresses (`formerSlugs`): a redirect page at each (meta refresh and canonical to
   * the current page, noindex, the visible link), in neither the sitemap nor the search index, and in the
   * server's redirect map; a worker's old feed is a copy of the current one.
   */
  private moved(d: Doc, pathOf: (slug: string) => string, what: string, feedOf?: (slug: string) => string): string[] {
    const problems: string[] = []
    const map = JSON.parse(this.site.read('/redirects.json') || '{}') as Record<string, string>
    const to = pathOf(slugOf(d))
    for (const old of (d.formerSlugs as string[] | undefined) ?? []) {
      const from = pathOf(old)
      const html = this.site.read(from)
      if (!html) problems.push(`${what}: no redirect page at old ${from}`)
      else {
        if (!html.includes(`http-equiv="refresh" content="0; url=${to}"`))
          problems.push(`${what}: ${from} does not refresh to ${to}`)
        if (!html.includes(`<link rel="canonical" href="${ORIGIN}${to}"`))
          problems.push(`${what}: ${from} has no canonical ${ORIGIN}${to}`)
        if (!html.includes('content="noindex"')) problems.push(`${what}: ${from} is not noindex`)
        if (!html.includes('本页已迁移') || !hrefs(html).includes(to))
          problems.push(`${what}: ${from} shows no link "本页已迁移" to ${to}`)
      }
      if (this.sitemap.has(ORIGIN + from)) problems.push(`${what}: sitemap lists old ${from}`)
      if (this.search.has(from)) problems.push(`${what}: search index has old ${from}`)
      if (map[from] !== to) problems.push(`${what}: redirects.json maps ${from} to ${map[from]}, not ${to}`)
      if (feedOf) {
        const [oldFeed, feed] = [feedOf(old), feedOf(slugOf(d))]
        if (!this.site.read(oldFeed) || this.site.read(oldFeed) !== this.site.read(feed))
          problems.push(`${what}: old ${oldFeed} is not a copy of ${feed}`)
        if (map[oldFeed] !== feed) problems.push(`${what}: redirects.json maps ${oldFeed} to ${map[oldFeed]}`)
      }
    }
    return problems
  }

  worker(w: Doc): string[] {
    const what = `modelWorker ${w._id} (${w.name})`
    const p = workerPath(slugOf(w))
    const problems = [...this.page(p, what), ...this.indexed(p, what), ...this.searchable(p, what)]
    problems.push(...this.moved(w, workerPath, what, workerFeed))
    problems.push(...this.contains(p, w.name as string, what), ...this.linked('/workers/', p, what))
    const html = this.site.read(p)
    if (html && html.includes('data-fictional') !== (w.fictional === true))
      problems.push(
        `${what}: ${p} ${w.fictional ? 'lacks' : 'shows'} the 虚构 badge (fictional: ${w.fictional ?? 'absent'})`,
      )
    for (const h of (w.honours as { title: string }[] | undefined) ?? [])
      problems.push(...this.contains(p, h.title, what))
    for (const f of ['employer', 'post', 'summary', 'source'] as const)
      if (w[f]) problems.push(...this.contains(p, w[f] as string, what, `its ${f}`))
    for (const topic of (w.talkTopics as string[] | undefined) ?? []) problems.push(...this.contains(p, topic, what))
    problems.push(...imageShapeProblems(this.site, p, w.portrait, `${what} portrait`))
    problems.push(...richTextProblems(this.site, p, w.bio, what))
    problems.push(
      ...this.printView(workerPrint(slugOf(w)), p, [w.name as string], `${what} 打印简介`),
      ...this.linked(p, workerPrint(slugOf(w)), what),
    )
    const feed = workerFeed(slugOf(w))
    problems.push(...this.page(feed, `${what} calendar`))
    const talks = this.of('talk').filter((t) => refsOf(t.speakers).includes(w._id))
    const events = this.site.events(feed)
    for (const t of talks) {
      problems.push(...this.linked(p, talkPath(t._id), what))
      if (this.isUpcoming(t) && !events.has(`${t._id}@laomo.example.org`))
        problems.push(`${what}: ${feed} lacks upcoming talk ${t._id}`)
    }
    for (const ph of this.of('photo').filter((x) => refsOf(x.people).includes(w._id)))
      problems.push(...this.linked(p, photoPath(ph._id), what))
    if (w.availableForSchools === true) {
      const list = section(this.site.read('/schools/'), /<ul class="school-workers"/, 'ul')
      if (!hrefs(list).includes(p))
        problems.push(`${what}: /schools/ does not list this worker (available for schools)`)
    }
    problems.push(...tagMenuProblems(this.site, this.docs, w), ...workerMenuProblems(this.site, this.docs, w))
    const map = this.site.mapData()
    if (talks.length > 0 && map) {
      const at = (map.points.workers as string[]).indexOf(slugOf(w))
      if (at < 0) problems.push(`${what}: map points have no worker "${slugOf(w)}"`)
      else if (map.text.workers[at] !== w.name)
        problems.push(`${what}: map text names worker ${at} "${map.text.workers[at]}", not "${w.name}"`)
    }
    return problems
  }

  /** A 点单 menu topic: on the menu's pages for its stages, with its workers and booking links (topic-menu.ts). */
  lectureTopic(t: Doc): string[] {
    return topicMenuProblems(this.site, this.docs, t)
  }

  talk(t: Doc): string[] {
    const what = `talk ${t._id} (${t.title})`
    const p = talkPath(t._id)
    const problems = [...this.page(p, what), ...this.indexed(p, what), ...this.searchable(p, what)]
    problems.push(...this.contains(p, t.title as string, what), ...this.linked('/talks/', p, what))
    const html = this.site.read(p)
    const start = t.startsAt as string
    if (html && !(html.includes(chinaTime(start)) && html.includes(chinaDay(start))))
      problems.push(`${what}: ${p} does not show its start in China time (${chinaDay(start)} ${chinaTime(start)})`)
    if (t.endsAt && html && !html.includes(chinaTime(t.endsAt as string)))
      problems.push(`${what}: ${p} does not show its end (${chinaTime(t.endsAt as string)})`)
    for (const f of ['venueName', 'prefecture', 'county', 'summary'] as const)
      if (t[f]) problems.push(...this.contains(p, t[f] as string, what, `its ${f}`))
    if (t.audienceSize !== undefined && html && !new RegExp(`${t.audienceSize}\\s*人`).test(html))
      problems.push(`${what}: ${p} does not show the audience (${t.audienceSize} 人)`)
    if (t.status === 'cancelled' && html && !html.includes('已取消')) problems.push(`${what}: ${p} does not say 已取消`)
    for (const s of this.speakersOf(t)) problems.push(...this.linked(p, workerPath(slugOf(s)), what))
    const posterTexts = [
      t.title,
      t.venueName,
      chinaDay(start),
      chinaTime(start),
      ...this.speakersOf(t).map((s) => s.name),
    ]
    // A poster only while the talk is to come; a past talk's poster address is the server's redirect.
    if (this.isUpcoming(t))
      problems.push(...this.printView(talkPoster(t._id), p, posterTexts as string[], `${what} poster`))
    else if (this.site.has(talkPoster(t._id))) problems.push(`${what}: a poster is built for a talk that is past`)
    if (t.status === 'planned' && this.isUpcoming(t)) problems.push(...this.linked(p, talkPoster(t._id), what))
    else if (html && hrefs(html).includes(talkPoster(t._id))) problems.push(`${what}: ${p} links a poster it has not`)
    const tour = this.byId.get(refOf(t.tour) ?? '')
    if (tour) {
      problems.push(...this.linked(p, tourPath(slugOf(tour)), what))
      problems.push(...this.linked(tourPath(slugOf(tour)), p, `${what} on its tour`))
    }
    for (const ph of this.of('photo').filter((x) => refOf(x.talk) === t._id || refsOf(t.photos).includes(x._id)))
      problems.push(...this.linked(p, photoPath(ph._id), what))
    // Calendars: upcoming = not held and starting after "now" (cancelled ones are listed as cancelled).
    const all = this.site.events('/calendar.ics')
    const uid = `${t._id}@laomo.example.org`
    if (this.isUpcoming(t)) {
      const event = all.get(uid)
      if (!event) problems.push(`${what}: /calendar.ics has no event ${uid}`)
      else {
        const url = /^URL(?:;[^:\r\n]*)?:(.*)$/m.exec(event)?.[1]?.trim()
        if (url !== ORIGIN + p) problems.push(`${what}: its /calendar.ics event's URL is ${url}, not ${ORIGIN}${p}`)
        if (t.status === 'cancelled' && !event.includes('STATUS:CANCELLED'))
          problems.push(`${what}: its /calendar.ics event is not STATUS:CANCELLED`)
      }
      if (!this.site.events(talkFeed(t._id)).has(uid)) problems.push(`${what}: ${talkFeed(t._id)} has no event ${uid}`)
      const feed = prefectureFeed(t.prefecture as string)
      if (!this.site.events(feed).has(uid)) problems.push(`${what}: ${feed} has no event ${uid}`)
      const upcoming = section(this.site.read('/schools/'), /<ol class="upcoming-talks"/, 'ol')
      if (!hrefs(upcoming).includes(p)) problems.push(`${what}: /schools/ does not list it among upcoming talks`)
    } else if (all.has(uid)) problems.push(`${what}: /calendar.ics lists it although it is not upcoming`)
    problems.push(...this.mapTalk(t, what))
    return problems
  }

  private mapTalk(t: Doc, what: string): string[] {
    const map = this.site.mapData()
    if (!map) return [`${what}: no /map/points.json + /map/text.json`]
    const { points, text } = map
    const i = (text.ids as string[]).indexOf(t._id)
    if (i < 0) return [`${what}: map data has no talk ${t._id}`]
    const problems: string[] = []
    if (text.titles[i] !== t.title) problems.push(`${what}: map title "${text.titles[i]}"`)
    const loc = t.location as { lat: number; lng: number } | undefined
    const want = loc ? [Math.round(loc.lat * 1e5), Math.round(loc.lng * 1e5)] : [null, null]
    // Positions and speakers are delta-coded in the file: compare them as the island decodes them.
    const columns = decodeMapPoints(points)
    const got = [columns.lat[i]!, columns.lng[i]!].map((x) => (Number.isNaN(x) ? null : Math.round(x * 1e5)))
    if (got[0] !== want[0] || got[1] !== want[1])
      problems.push(`${what}: map position ${got.join(',')}, expected ${want.join(',')}`)
    if (['enterprise', 'school', 'community'][points.type[i]] !== t.venueType) problems.push(`${what}: map venue type`)
    if (['planned', 'held', 'cancelled'][points.status[i]] !== t.status) problems.push(`${what}: map status`)
    if (points.prefectures[points.prefecture[i]] !== t.prefecture) problems.push(`${what}: map prefecture`)
    if (!String(text.startsAt[i]).includes(`T${chinaTime(t.startsAt as string)}+08:00`))
      problems.push(`${what}: map time "${text.startsAt[i]}", expected ${chinaTime(t.startsAt as string)} China time`)
    const slugs = [...columns.speakers.slice(columns.speakerStart[i], columns.speakerStart[i + 1])].map(
      (k) => points.workers[k],
    )
    const expected = this.speakersOf(t).map(slugOf)
    if (JSON.stringify(slugs) !== JSON.stringify(expected))
      problems.push(`${what}: map speakers ${JSON.stringify(slugs)}, expected ${JSON.stringify(expected)}`)
    const tour = this.byId.get(refOf(t.tour) ?? '')
    const mapTour = points.tour[i] >= 0 ? points.tours[points.tour[i]] : undefined
    if (mapTour !== (tour ? slugOf(tour) : undefined)) problems.push(`${what}: map tour "${mapTour}"`)
    return problems
  }

  photo(ph: Doc): string[] {
    const what = `photo ${ph._id} (${ph.caption})`
    const p = photoPath(ph._id)
    const problems = [...this.page(p, what), ...this.indexed(p, what)]
    problems.push(...this.contains(p, ph.caption as string, what), ...this.linked('/photos/', p, what))
    problems.push(...imageShapeProblems(this.site, p, { ...(ph.image as object), alt: ph.alt }, what))
    for (const f of ['credit', 'place'] as const)
      if (ph[f]) problems.push(...this.contains(p, ph[f] as string, what, `its ${f}`))
    const talk = this.byId.get(refOf(ph.talk) ?? '')
    if (talk) problems.push(...this.linked(p, talkPath(talk._id), what))
    for (const id of refsOf(ph.people)) {
      const w = this.byId.get(id)
      if (w) problems.push(...this.linked(p, workerPath(slugOf(w)), what))
    }
    return problems
  }

  tour(tr: Doc): string[] {
    const what = `tour ${tr._id} (${tr.title})`
    const p = tourPath(slugOf(tr))
    const problems = [...this.page(p, what), ...this.indexed(p, what), ...this.moved(tr, tourPath, what)]
    problems.push(...this.contains(p, tr.title as string, what), ...this.linked('/tours/', p, what))
    for (const f of ['description', 'organiser'] as const)
      if (tr[f]) problems.push(...this.contains(p, tr[f] as string, what, `its ${f}`))
    const stops = this.of('talk').filter((t) => refOf(t.tour) === tr._id)
    const map = this.site.mapData()
    if (stops.length > 0 && map && !(map.points.tours as string[]).includes(slugOf(tr)))
      problems.push(`${what}: map points have no tour "${slugOf(tr)}"`)
    return problems
  }

  story(s: Doc): string[] {
    const what = `story ${s._id} (${s.title})`
    const p = storyPath(slugOf(s))
    const problems = [...this.page(p, what), ...this.indexed(p, what), ...this.searchable(p, what)]
    problems.push(...this.moved(s, storyPath, what))
    problems.push(...this.contains(p, s.title as string, what), ...this.linked('/stories/', p, what))
    for (const f of ['excerpt', 'author'] as const)
      if (s[f]) problems.push(...this.contains(p, s[f] as string, what, `its ${f}`))
    if (!this.site.read('/rss.xml').includes(`<link>${ORIGIN}${p}</link>`))
      problems.push(`${what}: /rss.xml has no <link>${ORIGIN}${p}</link>`)
    for (const id of refsOf(s.relatedWorkers)) {
      const w = this.byId.get(id)
      if (w) problems.push(...this.linked(p, workerPath(slugOf(w)), what))
    }
    problems.push(...imageShapeProblems(this.site, p, s.mainImage, `${what} main image`))
    problems.push(...richTextProblems(this.site, p, s.body, what))
    return problems
  }

  /**
   * A pairing (结对) shows only when the editors ticked 在网站上显示, its worker is published and it has started
   * (on NOW's China date): current ones on the worker's profile and on /schools/, ended ones on the profile
   * marked 已结束; any other shows on no page at all.
   */
  pairing(pr: Doc): string[] {
    const what = `pairing ${pr._id} (${pr.school})`
    const today = new Date(this.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    const worker = this.byId.get(refOf(pr.worker) ?? '')
    const shown = pr.showOnSite === true && worker !== undefined && (pr.since as string) <= today
    const ended = shown && typeof pr.until === 'string' && pr.until < today
    const school = pr.school as string
    const schools = section(this.site.read('/schools/'), /<div class="school-pairings"/, 'div')
    if (!shown) {
      const on = [...this.pages].filter(([, html]) => html.includes(escapeHtml(school))).map(([path]) => path)
      return on.length ? [`${what}: not to be shown, but ${on.join(', ')} show it`] : []
    }
    const p = workerPath(slugOf(worker))
    const problems = [...this.contains(p, school, what), ...this.contains(p, pr.activities as string, what)]
    const html = this.site.read(p) ?? ''
    const marked = new RegExp(`<li[^>]*data-pairing="${pr._id}"[^>]*data-pairing-ended`).test(html)
    if (marked !== ended) problems.push(`${what}: ${p} ${ended ? 'does not mark it' : 'marks it'} 已结束`)
    for (const id of refsOf(pr.talks)) if (this.byId.has(id)) problems.push(...this.linked(p, talkPath(id), what))
    const listed = schools.includes(escapeHtml(school))
    if (listed === ended)
      problems.push(`${what}: /schools/ ${ended ? 'lists the ended' : 'does not list the current'} pairing`)
    if (!ended && !hrefs(schools).includes(p)) problems.push(`${what}: /schools/ does not link its worker ${p}`)
    if (!ended && !new RegExp(`<h3[^>]*>${pr.prefecture}</h3>`).test(schools))
      problems.push(`${what}: /schools/ has no heading for ${pr.prefecture}`)
    return problems
  }

  settings(st: Doc): string[] {
    const what = 'siteSettings'
    const problems = [
      ...this.contains('/', st.title as string, what),
      ...this.contains('/', st.organisation as string, what),
    ]
    if (st.tagline) problems.push(...this.contains('/', st.tagline as string, what))
    // The editors' logo (cropped, with its alt text) in the masthead, or the site's own mark without one.
    if (st.logo) problems.push(...imageShapeProblems(this.site, '/', st.logo, `${what} logo`))
    else if (!this.site.read('/')?.includes('src="/logo.svg"')) problems.push(`${what}: / lacks the default logo`)
    for (const f of ['icp', 'psb'] as const)
      if (st[f]) problems.push(...this.contains('/', st[f] as string, what, `its ${f}`))
    for (const f of ['bookingOffice', 'bookingPhone', 'bookingEmail', 'bookingNotes'] as const)
      if (st[f]) problems.push(...this.contains('/schools/', st[f] as string, what, `its ${f}`))
    const config = this.site.mapData()?.points.config as Record<string, string> | undefined
    const wanted = { provider: st.mapProvider ?? 'bundled', key: st.mapKey, approval: st.mapApproval }
    for (const [k, v] of Object.entries(wanted))
      if (v !== undefined && config?.[k] !== v) problems.push(`${what}: map config ${k} is ${config?.[k]}, not ${v}`)
    return problems
  }
}
