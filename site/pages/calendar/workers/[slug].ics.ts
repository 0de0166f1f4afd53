import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'
import type { FeedTalk } from '../../../lib/calendar/feeds'
import { feedResponse, upcomingFeedGroups } from '../../../lib/calendar/load'
import { cacheKey } from '../../../lib/site'

// Every model worker has a feed, even with no talk planned yet: a subscriber gets new talks as they are announced.
export const getStaticPaths = (async () => {
  const [workers, { bySpeaker }] = await Promise.all([getCollection('workers'), upcomingFeedGroups()])
  const feeds = await Promise.all(
    workers.map(async (w) => {
      const talks = bySpeaker.get(w.data.slug) ?? []
      const feed = { props: { name: w.data.name, talks }, cacheKey: await cacheKey({ workers: [w.data], talks }) }
      // A renamed worker's old feed stays a copy of the current one: calendar clients keep their
      // subscription on hosts without the server's 301 (site/lib/redirects.ts).
      return [w.data.slug, ...w.data.formerSlugs].map((slug) => ({ params: { slug }, ...feed }))
    }),
  )
  return feeds.flat()
}) satisfies GetStaticPaths

export const GET: APIRoute<{ name: string; talks: readonly FeedTalk[] }> = ({ site, props }) =>
  feedResponse(site, `${props.name}的劳模宣讲`, `${props.name}近期的宣讲报告会`, props.talks)
