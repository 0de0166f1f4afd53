/** The talk map's text (list and popups, `site/lib/map/data.ts`): compact JSON /map/ loads. */
import type { APIRoute } from 'astro'
import { mapDataJson, mapTalks } from '../../lib/map/load'

export const GET: APIRoute = async () => {
  const { text } = await mapDataJson(await mapTalks())
  return new Response(text.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
