import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'
import { talksOfWorkerFeed, type FeedTalk } from '../../../lib/calendar/feeds'
import { feedResponse, upcomingFeedTalks } from '../../../lib/calendar/load'
import { cacheKey } from '../../../lib/site'

// Every model worker has a feed, even with no talk planned yet: a subscriber gets new talks as they are announced.
export const getStaticPaths = (async () => {
  const [workers, upcoming] = await Promise.all([getCollection('workers'), upcomingFeedTalks()])
  return Promise.all(
    workers.map(async (w) => {
      const talks = talksOfWorkerFeed(upcoming, w.data.slug)
      return {
        params: { slug: w.data.slug },
        props: { name: w.data.name, talks },
        cacheKey: await cacheKey({ workers: [w.data], talks }),
      }
    }),
  )
}) satisfies GetStaticPaths

export const GET: APIRoute<{ name: string; talks: readonly FeedTalk[] }> = ({ site, props }) =>
  feedResponse(site, `${props.name}的劳模宣讲`, `${props.name}近期的宣讲报告会`, props.talks)
