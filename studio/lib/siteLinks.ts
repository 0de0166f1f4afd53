/**
 * Where a document lives on the public site, for the Studio's "在网站上查看" action and 预览 tool: a thin
 * mapping onto the URL contract, domain/paths.ts (the site settings show on the home page).
 */
import { absoluteUrl, documentPath, HOME_PATH, type PageDocument } from '#domain/paths'

export { publishedId } from '#domain/paths'
export type LinkableDocument = PageDocument

/** The site path of a document, or null when it has no page (yet). */
export function sitePath(doc: LinkableDocument): string | null {
  return doc._type === 'siteSettings' ? HOME_PATH : documentPath(doc)
}

/** Absolute URL on the site at `siteUrl` (an origin, optionally with a base path). */
export function siteUrlFor(doc: LinkableDocument, siteUrl: string): string | null {
  const path = sitePath(doc)
  return path === null ? null : absoluteUrl(path, siteUrl)
}
