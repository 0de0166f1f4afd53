import type { APIRoute } from 'astro'
import { absoluteUrl, SITEMAP_PATH } from '#domain/paths'

export const GET: APIRoute = ({ site }) =>
  new Response(
    ['User-agent: *', 'Allow: /', 'Disallow: /studio/', `Sitemap: ${absoluteUrl(SITEMAP_PATH, site!)}`, ''].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  )
