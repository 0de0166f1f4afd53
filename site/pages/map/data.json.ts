/** The talk map's data (compact JSON, `site/lib/map/data.ts`): the one copy of the talks /map/ loads. */
import type { APIRoute } from 'astro'
import { mapDataJson, mapTalks } from '../../lib/map/load'

export const GET: APIRoute = async () => {
  const { json } = await mapDataJson(await mapTalks())
  return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
