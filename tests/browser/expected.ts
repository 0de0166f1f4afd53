/** Expected content and figures for the browser tests, read from the bundled dataset with the real GROQ engine. */
import { getContentSource } from '../../site/lib/content/executors'
import { SITE_MAP_PAGE_PATH } from '#domain/paths'

let source: ReturnType<typeof getContentSource> | undefined
export async function groq<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  source ??= getContentSource({})
  return (await source).fetch<T>(query, params)
}

export function expectedCounts() {
  return groq<{ talks: number; enterprise: number; school: number; community: number; workers: number }>(`{
    "talks": count(*[_type == "talk"]),
    "enterprise": count(*[_type == "talk" && venueType == "enterprise"]),
    "school": count(*[_type == "talk" && venueType == "school"]),
    "community": count(*[_type == "talk" && venueType == "community"]),
    "workers": count(*[_type == "modelWorker"])
  }`)
}

export function firstFictionalWorker() {
  return groq<{ name: string; slug: string; honours: string[]; talkCount: number }>(
    `*[_type == "modelWorker" && fictional == true && defined(portrait)] | order(slug.current asc)[0]{
      name, "slug": slug.current, "honours": honours[].title,
      "talkCount": count(*[_type == "talk" && ^._id in speakers[]._ref])
    }`,
  )
}

/** A handful of documents, one per page type, chosen by what they must show. */
export async function samples() {
  return groq<{
    talk: {
      _id: string
      title: string
      startsAt: string
      venueName: string
      speakers: string[]
      lat: number
      lng: number
      photos: number
      tour: string | null
    }
    cancelled: { _id: string; title: string }
    schoolsWorker: { slug: string; name: string; talks: number; photos: number }
    notForSchools: { slug: string } | null
    story: { slug: string; title: string; related: number }
    tour: { slug: string; title: string; stops: number }
    photo: { _id: string; caption: string; credit: string; placeholder: boolean }
  }>(`{
    "talk": *[_type == "talk" && status == "held" && defined(location.lat) && count(photos) > 0 && defined(tour)] | order(startsAt desc)[0]{
      _id, title, startsAt, venueName, "speakers": speakers[]->name, "lat": location.lat, "lng": location.lng,
      "photos": count(photos), "tour": tour->slug.current
    },
    "cancelled": *[_type == "talk" && status == "cancelled"] | order(_id asc)[0]{ _id, title },
    "schoolsWorker": *[_type == "modelWorker" && availableForSchools == true && count(*[_type == "talk" && references(^._id)]) > 0 && count(*[_type == "photo" && references(^._id)]) > 0] | order(slug.current asc)[0]{
      "slug": slug.current, name,
      "talks": count(*[_type == "talk" && ^._id in speakers[]._ref]),
      "photos": count(*[_type == "photo" && ^._id in people[]._ref])
    },
    "notForSchools": *[_type == "modelWorker" && availableForSchools != true][0]{ "slug": slug.current },
    "story": *[_type == "story" && slug.current == "qiye-banzu-yitangke"][0]{ "slug": slug.current, title, "related": count(relatedWorkers) },
    "tour": *[_type == "tour"] | order(slug.current asc)[0]{ "slug": slug.current, title, "stops": count(*[_type == "talk" && references(^._id)]) },
    "photo": *[_type == "photo" && placeholder == true] | order(_id asc)[0]{ _id, caption, credit, placeholder }
  }`)
}

/** One URL per page type. */
export async function pageTypes(): Promise<Record<string, string>> {
  const s = await samples()
  return {
    home: '/',
    workers: '/workers/',
    profile: `/workers/${s.schoolsWorker.slug}/`,
    talks: '/talks/',
    talk: `/talks/${s.talk._id}/`,
    cancelledTalk: `/talks/${s.cancelled._id}/`,
    photos: '/photos/',
    photo: `/photos/${s.photo._id}/`,
    stories: '/stories/',
    story: `/stories/${s.story.slug}/`,
    tours: '/tours/',
    tour: `/tours/${s.tour.slug}/`,
    stats: '/stats/',
    search: '/search/?q=劳模',
    siteMap: SITE_MAP_PAGE_PATH,
    topicMenu: '/schools/topics/',
    notFound: '/no-such-page/',
  }
}
