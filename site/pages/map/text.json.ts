/** The talk map's text (list and popups, `site/lib/map/data.ts`): compact JSON /map/ loads. */
import type { APIRoute } from 'astro'
import { mapDataJson } from '../../lib/map/load'

export const GET: APIRoute = async () => {
  const { text } = await mapDataJson()
  return new Response(text.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
