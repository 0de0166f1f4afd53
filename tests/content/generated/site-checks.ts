/** Checks of the built site as a whole: the map island's links, broken links, headline numbers, leaked text. */
import type { Doc } from '../../../scripts/content-fixtures/ids.ts'
import { hrefs, ORIGIN, type Site } from './site.ts'
import { talkPath, workerPath } from './urls.ts'

/** The links the map island builds from its data (list items and popups) reach the pages. */
export async function mapLinkProblems(site: Site): Promise<string[]> {
  const map = site.mapData()
  if (!map) return ['no map data']
  const problems: string[] = []
  try {
    const data = await import('../../../site/lib/map/data.ts')
    const { listItemHtml } = await import('../../../site/lib/map/list.ts')
    const { popupHtml } = await import('../../../site/lib/map/popup.ts')
    const columns = data.decodeMapPoints(map.points)
    const text = data.checkMapText(map.text, columns)
    for (let i = 0; i < columns.size; i++) {
      const talk = data.talkAt(columns, text, i)
      const expected = new Set([talkPath(talk.id), ...talk.speakers.map((s: { slug: string }) => workerPath(s.slug))])
      for (const html of [listItemHtml(talk), popupHtml(talk)])
        for (const h of hrefs(html).filter((x) => x.startsWith('/talks/') || x.startsWith('/workers/')))
          if (!expected.has(h))
            problems.push(`map island: talk ${talk.id} links to "${h}" (expected one of ${[...expected].join(' ')})`)
    }
  } catch (error) {
    problems.push(`map island helpers could not be used: ${(error as Error).message}`)
  }
  return problems
}

/** The home page's headline numbers count what the site shows. */
export function homeCountProblems(site: Site, docs: Doc[]): string[] {
  const html = site.read('/')
  const talks = docs.filter((d) => d._type === 'talk')
  const want: Record<string, number> = {
    talks: talks.length,
    enterprise: talks.filter((t) => t.venueType === 'enterprise').length,
    school: talks.filter((t) => t.venueType === 'school').length,
    community: talks.filter((t) => t.venueType === 'community').length,
    workers: docs.filter((d) => d._type === 'modelWorker').length,
  }
  return Object.entries(want).flatMap(([id, n]) => {
    const got = new RegExp(`data-stat="${id}"[^>]*>\\s*<strong>([^<]*)<`).exec(html)?.[1]
    return got === String(n) ? [] : [`home page: stat "${id}" says ${got ?? 'nothing'}, the site shows ${n}`]
  })
}

/** Internal links and images of every page that lead nowhere in the output. */
export function brokenLinks(site: Site): string[] {
  const problems = new Set<string>()
  for (const [page, html] of site.pages()) {
    // 404.html is served for any missing path; its own canonical URL is not a page.
    if (page === '/404.html') continue
    const srcs = [...html.matchAll(/\s(?:src|srcset)="([^"]*)"/g)].flatMap((m) =>
      m[1]!.split(',').map((x) => x.trim().split(' ')[0]!),
    )
    for (const target of [...hrefs(html), ...srcs]) {
      const p = (target.startsWith(ORIGIN) ? target.slice(ORIGIN.length) : target).split(/[?#]/)[0]!
      // On demand (the Node server answers them) or built apart: the booking endpoint, a request's status, the Studio.
      if (!p.startsWith('/') || p.startsWith('//') || /^\/(api|studio|schools\/request)(\/|$)/.test(p)) continue
      if (!site.has(p) && !site.has(p.endsWith('/') ? p : `${p}/`))
        problems.add(`${page} links to ${target}, which is not in the output`)
    }
  }
  return [...problems]
}

/** Text that belongs only to unpublished, private or unknown documents: found in no output file or path. */
export function nowhere(site: Site, texts: { id: string; text: string; why: string }[]): string[] {
  const files = site.texts()
  const paths = site.files()
  return texts.flatMap(({ id, text, why }) => [
    ...[...files]
      .filter(([, content]) => content.includes(text))
      .map(([rel]) => `"${text}" (${why}, ${id}) is in ${rel}`),
    ...paths.filter((rel) => rel.includes(text)).map((rel) => `"${text}" (${why}, ${id}) names the file ${rel}`),
  ])
}
