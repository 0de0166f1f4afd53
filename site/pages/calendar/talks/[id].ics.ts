import type { APIRoute, GetStaticPaths } from 'astro'
import { feedResponse, upcomingFeedTalks } from '../../../lib/calendar/load'
import type { FeedTalk } from '../../../lib/calendar/feeds'
import { cacheKey } from '../../../lib/site'

// "加入日历" for each upcoming talk: a one-event calendar file. Like every feed with a cacheKey, an unchanged
// one is copied from the previous build, DTSTAMP included (the time its events were last written).
export const getStaticPaths = (async () =>
  Promise.all(
    (await upcomingFeedTalks()).map(async (talk) => ({
      params: { id: talk._id },
      props: { talk },
      cacheKey: await cacheKey({ talks: [talk] }),
    })),
  )) satisfies GetStaticPaths

export const GET: APIRoute<{ talk: FeedTalk }> = ({ site, props }) =>
  feedResponse(site, props.talk.title, props.talk.title, [props.talk])
