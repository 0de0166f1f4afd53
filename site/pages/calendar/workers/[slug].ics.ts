import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'
import { talksOfWorkerFeed } from '../../../lib/calendar/feeds'
import { feedResponse, upcomingFeedTalks } from '../../../lib/calendar/load'

// Every model worker has a feed, even with no talk planned yet: a subscriber gets new talks as they are announced.
export const getStaticPaths = (async () => {
  const workers = await getCollection('workers')
  return workers.map((w) => ({ params: { slug: w.data.slug }, props: { name: w.data.name } }))
}) satisfies GetStaticPaths

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ site, params, props }) =>
  feedResponse(
    site,
    `${props.name}的劳模宣讲`,
    `${props.name}近期的宣讲报告会`,
    talksOfWorkerFeed(await upcomingFeedTalks(), params.slug),
  )
