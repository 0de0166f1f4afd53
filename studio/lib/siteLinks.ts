/**
 * Where a document lives on the public site (URL contract in CONTRACTS.md), for the Studio's
 * "在网站上查看" action. Pure so it can be tested without the Studio.
 */

export interface LinkableDocument {
  _id: string
  _type: string
  slug?: { current?: string } | null
}

/** Published id: drafts and versions share the page of the published document. */
export function publishedId(id: string): string {
  return id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
}

/**
 * One path segment, encoded exactly as the site encodes it (site/lib/paths.ts): slugs may be
 * hand-typed with capitals or Chinese characters, and the link must reach the page Astro wrote.
 */
const seg = (s: string) => encodeURIComponent(s)

/** The site path of a document, or null when it has no page (yet). */
export function sitePath(doc: LinkableDocument): string | null {
  // A blank slug has no page (the site skips it); any other is used as typed, untrimmed like the site's.
  const slug = doc.slug?.current?.trim() ? doc.slug.current : null
  switch (doc._type) {
    case 'modelWorker':
      return slug ? `/workers/${seg(slug)}/` : null
    case 'talk':
      return `/talks/${seg(publishedId(doc._id))}/`
    case 'story':
      return slug ? `/stories/${seg(slug)}/` : null
    case 'tour':
      return slug ? `/tours/${seg(slug)}/` : null
    case 'photo':
      return `/photos/${seg(publishedId(doc._id))}/`
    case 'siteSettings':
      return '/'
    default:
      return null
  }
}

/** Absolute URL on the site at `siteUrl` (an origin, optionally with a base path). */
export function siteUrlFor(doc: LinkableDocument, siteUrl: string): string | null {
  const path = sitePath(doc)
  return path === null ? null : `${siteUrl.replace(/\/+$/, '')}${path}`
}
