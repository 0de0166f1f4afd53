import type { APIRoute, GetStaticPaths } from 'astro'
import { feedResponse, upcomingFeedTalks } from '../../../lib/calendar/load'
import type { FeedTalk } from '../../../lib/calendar/feeds'

// "加入日历" for each upcoming talk: a one-event calendar file.
export const getStaticPaths = (async () =>
  (await upcomingFeedTalks()).map((talk) => ({ params: { id: talk._id }, props: { talk } }))) satisfies GetStaticPaths

export const GET: APIRoute<{ talk: FeedTalk }> = ({ site, props }) =>
  feedResponse(site, props.talk.title, props.talk.title, [props.talk])
