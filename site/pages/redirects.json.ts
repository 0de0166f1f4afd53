import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'
import { movedPaths, redirectMap } from '../lib/redirects'

/** Old path → new path of every renamed page and feed, for the Node server's 301s (site/lib/redirects.ts). */
export const GET: APIRoute = async () => {
  const [workers, stories, tours] = await Promise.all([
    getCollection('workers'),
    getCollection('stories'),
    getCollection('tours'),
  ])
  const moved = movedPaths({
    workers: workers.map((e) => e.data),
    stories: stories.map((e) => e.data),
    tours: tours.map((e) => e.data),
  })
  return new Response(`${JSON.stringify(redirectMap(moved), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
