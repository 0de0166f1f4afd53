/** The talk map's first view (`site/lib/map/firstView.ts`): the one data file /map/ loads at once. */
import type { APIRoute } from 'astro'
import { mapDataJson } from '../../lib/map/load'

export const GET: APIRoute = async () => {
  const { view } = await mapDataJson()
  return new Response(view.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
}
