import type { APIRoute, GetStaticPaths } from 'astro'
import { PREFECTURES } from '#domain/region'
import type { FeedTalk } from '../../../lib/calendar/feeds'
import { feedResponse, upcomingFeedGroups } from '../../../lib/calendar/load'
import { cacheKey } from '../../../lib/site'

export const getStaticPaths = (async () => {
  const { byPrefecture } = await upcomingFeedGroups()
  return Promise.all(
    PREFECTURES.map(async (p) => {
      const talks = byPrefecture.get(p.name) ?? []
      return { params: { slug: p.slug }, props: { name: p.name, talks }, cacheKey: await cacheKey({ talks }) }
    }),
  )
}) satisfies GetStaticPaths

export const GET: APIRoute<{ name: string; talks: readonly FeedTalk[] }> = ({ site, props }) =>
  feedResponse(site, `${props.name}劳模宣讲报告会`, `${props.name}近期的劳模宣讲报告会`, props.talks)
