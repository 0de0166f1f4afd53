import type { APIRoute } from 'astro'
import { redirectMap } from '../lib/redirects'
import { allMoved } from '../lib/site'

/** Old path → new path of every renamed page and feed, for the Node server's 301s (site/lib/redirects.ts). */
export const GET: APIRoute = async () => {
  const moved = await allMoved()
  return new Response(`${JSON.stringify(redirectMap(moved), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
