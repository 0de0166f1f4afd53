/** Reads the talks collection for the feeds (build time only). */
import { getCollection, type CollectionEntry } from 'astro:content'
import { BUILD_TIME, perBuild } from '../site'
import { buildCalendar, icsResponse } from './ics'
import { feedTalksBySpeaker, upcomingTalks, type FeedTalk } from './feeds'

/** Every feed (one per worker, prefecture and upcoming talk) starts from this list: worked out once per build. */
export const upcomingFeedTalks: () => Promise<readonly CollectionEntry<'talks'>['data'][]> = perBuild(async () => {
  const talks = (await getCollection('talks')).map((t) => t.data)
  return upcomingTalks(talks, BUILD_TIME)
})

/** Upcoming talks by speaker slug and by prefecture name: grouped once, not filtered per feed. */
export const upcomingFeedGroups = perBuild(async () => {
  const upcoming = await upcomingFeedTalks()
  return { bySpeaker: feedTalksBySpeaker(upcoming), byPrefecture: Map.groupBy(upcoming, (t) => t.prefecture) }
})

export function feedResponse(site: URL | undefined, name: string, description: string, talks: readonly FeedTalk[]) {
  if (!site) throw new Error('astro.config `site` is required for calendar feeds')
  return icsResponse(buildCalendar({ name, description, site: site.href, stamp: BUILD_TIME, talks }))
}
