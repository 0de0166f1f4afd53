/**
 * Reads a built site (`<outDir>/client`) the way a visitor's browser and a crawler would: pages by URL
 * path, the links in them, the sitemap, the RSS feed, the calendar feeds, the map's two data files and the
 * Pagefind index (its page fragments name every indexed URL).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

export const ORIGIN = 'https://laomo.example.org'

const TEXT = /\.(html|xml|json|ics|txt|js|css|svg|webmanifest)$/

export class Site {
  private cache = new Map<string, string>()
  private allTexts?: Map<string, string>

  constructor(readonly dir: string) {}

  /** The file a URL path is served from: segments decoded, `/x/` → `x/index.html`. */
  fileOf(urlPath: string): string {
    const clean = urlPath.split(/[?#]/)[0]!
    const segments = clean.split('/').map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
    const rel = segments.join('/').replace(/^\//, '')
    return path.join(this.dir, clean.endsWith('/') ? `${rel}index.html` : rel)
  }

  has(urlPath: string): boolean {
    return existsSync(this.fileOf(urlPath))
  }

  /** The text at a URL path, or '' when there is no such file. */
  read(urlPath: string): string {
    const file = this.fileOf(urlPath)
    let text = this.cache.get(file)
    if (text === undefined) {
      text = existsSync(file) ? readFileSync(file, 'utf8') : ''
      this.cache.set(file, text)
    }
    return text
  }

  /** Every file's path relative to the site root, `/`-separated. */
  files(dir = this.dir, prefix = ''): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? this.files(full, `${prefix}${name}/`) : [`${prefix}${name}`]
    })
  }

  /**
   * Every text file (and every search-index page fragment, unzipped), by relative path: what a grep of the
   * deployed site would read.
   */
  texts(): Map<string, string> {
    if (!this.allTexts) {
      this.allTexts = new Map()
      for (const rel of this.files()) {
        const full = path.join(this.dir, rel)
        if (TEXT.test(rel)) this.allTexts.set(rel, readFileSync(full, 'utf8'))
        else if (rel.endsWith('.pf_fragment')) this.allTexts.set(rel, gunzipSync(readFileSync(full)).toString('utf8'))
      }
    }
    return this.allTexts
  }

  /** HTML pages by URL path (`/workers/x/`), for link checks. */
  pages(): Map<string, string> {
    const out = new Map<string, string>()
    for (const [rel, text] of this.texts())
      if (rel.endsWith('.html')) out.set(`/${rel.replace(/index\.html$/, '')}`, text)
    return out
  }

  sitemap(): Set<string> {
    const index = this.read('/sitemap-index.xml')
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    return new Set(maps.flatMap((m) => [...this.read(m).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!)))
  }

  /** URLs of the pages in Pagefind's index (each page fragment is `pagefind_dcd` + JSON with its `url`). */
  searchUrls(): Set<string> {
    const dir = path.join(this.dir, 'pagefind', 'fragment')
    if (!existsSync(dir)) return new Set()
    return new Set(
      readdirSync(dir).map((f) => {
        const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8')
        return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url
      }),
    )
  }

  /** The map's data files (`/map/points.json`, `/map/text.json`), parsed. */
  mapData(): { points: any; text: any } | undefined {
    const points = this.read('/map/points.json')
    const text = this.read('/map/text.json')
    return points && text ? { points: JSON.parse(points), text: JSON.parse(text) } : undefined
  }

  /** The events of a calendar feed: UID → the event's text (unfolded). */
  events(urlPath: string): Map<string, string> {
    const text = this.read(urlPath).replace(/\r\n[ \t]/g, '')
    const events = new Map<string, string>()
    for (const m of text.matchAll(/BEGIN:VEVENT\r?\n([\s\S]*?)END:VEVENT/g)) {
      const uid = /^UID:(.*)$/m.exec(m[1]!)?.[1]?.trim()
      if (uid) events.set(uid, m[1]!)
    }
    return events
  }
}

/** Every `href` in an HTML text, entities decoded. */
export const hrefs = (html: string): string[] =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&').replaceAll('&#38;', '&'))

/** The inner HTML of the first element whose start tag matches `open` (no nesting of the same tag inside). */
export function section(html: string, open: RegExp, tag: string): string {
  const start = html.search(open)
  if (start < 0) return ''
  const end = html.indexOf(`</${tag}>`, start)
  return html.slice(start, end < 0 ? undefined : end)
}

/** HTML-escapes text as Astro writes it into attributes and text. */
export const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
