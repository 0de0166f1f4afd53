/** The talk map's points (markers and filters, `site/lib/map/data.ts`): compact JSON /map/ loads. */
import type { APIRoute } from 'astro'
import { mapDataJson } from '../../lib/map/load'

export const GET: APIRoute = async () => {
  const { points } = await mapDataJson()
  return new Response(points.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
