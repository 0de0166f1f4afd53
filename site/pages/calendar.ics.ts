import type { APIRoute } from 'astro'
import { feedResponse, upcomingFeedTalks } from '../lib/calendar/load'
import { getSettings } from '../lib/site'

export const GET: APIRoute = async ({ site }) => {
  const settings = await getSettings()
  return feedResponse(site, `${settings.title}：近期报告会`, '甘肃劳模宣讲全部近期报告会', await upcomingFeedTalks())
}
