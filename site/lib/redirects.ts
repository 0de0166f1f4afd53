/**
 * Renamed slugs: every former slug of a model worker, story or tour (the Studio records them on publish)
 * keeps its old address working. The build writes, from the content alone, so a clean build and a
 * publish agree:
 * - a redirect page at each old page path (site/pages/[...moved].astro: meta refresh, canonical, noindex);
 * - a copy of the worker's feed at its old `.ics` path (calendar clients do not follow a meta refresh);
 * - REDIRECTS_PATH, the old path → new path map the Node server answers with a 301 (server/static.ts).
 */
import { storyPath, tourPath, workerFeedPath, workerPath } from '#domain/paths'

/** The redirect map's path in the output; the sitemap leaves its pages out (astro.config.mjs). */
export const REDIRECTS_PATH = '/redirects.json'

export interface Moved {
  /** The old path, encoded as domain/paths.ts encodes it. */
  from: string
  to: string
  /** A page gets a redirect page; a feed gets a copy of the current one. */
  kind: 'page' | 'feed'
  /** What the new address shows, for the redirect page's link. */
  title: string
}

interface Renamed {
  slug: string
  formerSlugs: readonly string[]
}

/** Every old address of the given documents, pages first, in content order. */
export function movedPaths(content: {
  workers: readonly (Renamed & { name: string })[]
  stories: readonly (Renamed & { title: string })[]
  tours: readonly (Renamed & { title: string })[]
}): Moved[] {
  const moved: Moved[] = []
  for (const w of content.workers)
    for (const old of w.formerSlugs) {
      moved.push({ from: workerPath(old), to: workerPath(w.slug), kind: 'page', title: w.name })
      moved.push({ from: workerFeedPath(old), to: workerFeedPath(w.slug), kind: 'feed', title: w.name })
    }
  for (const s of content.stories)
    for (const old of s.formerSlugs)
      moved.push({ from: storyPath(old), to: storyPath(s.slug), kind: 'page', title: s.title })
  for (const t of content.tours)
    for (const old of t.formerSlugs)
      moved.push({ from: tourPath(old), to: tourPath(t.slug), kind: 'page', title: t.title })
  return moved
}

/** The map the server reads: old path → new path, keys sorted so the file is the same for the same content. */
export function redirectMap(moved: readonly Moved[]): Record<string, string> {
  return Object.fromEntries(moved.map((m) => [m.from, m.to]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)))
}

/** A path as Astro's rest parameter takes it: decoded, without the outer slashes. */
export const restParam = (path: string) => decodeURIComponent(path.replace(/^\/|\/$/g, ''))
