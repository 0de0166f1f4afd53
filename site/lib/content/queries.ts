/**
 * Every GROQ query the site runs, for both executors (Sanity and the bundled dataset).
 * Values are always passed as `$params`, never interpolated. References are projected as
 * `{ "ref": _ref, "pending": …, "doc": @->{…} }` so the normalisers can tell a dangling reference
 * (doc null) from an empty field, and a reference to a document not published yet (saved by the
 * Studio with `_strengthenOnPublish`) from one to a deleted document, and warn about it by name.
 * Result types are generated from the Studio schema by TypeGen (`npm run typegen` → domain/sanity.types.ts).
 */
import { defineQuery } from 'groq'

/** An image field, flattened: works for `image`, `captionedImage` and the portrait. */
const IMAGE = /* groq */ `
  "assetRef": asset._ref,
  "src": asset->url,
  "width": asset->metadata.dimensions.width,
  "height": asset->metadata.dimensions.height,
  crop,
  hotspot,
  alt,
  caption,
  credit
`

/** How a reference is projected (see above). */
const REF_META = /* groq */ `"ref": _ref, "pending": defined(_strengthenOnPublish)`

const WORKER_LINK = /* groq */ `_id, name, "slug": slug.current, fictional`

/** What a worker's card and the booking form need of a menu topic (the menu page reads LECTURE_TOPICS_QUERY). */
const TOPIC_LINK = /* groq */ `_id, title, theme`

const WORKER_CARD = /* groq */ `
  ${WORKER_LINK},
  employer,
  post,
  sector,
  prefecture,
  summary,
  honours[]{ title, level, year, awardingBody },
  talkTopics,
  "lectureTopics": lectureTopics[]{ ${REF_META}, "doc": @->{ ${TOPIC_LINK} } },
  schoolStages,
  availableForSchools,
  "portrait": portrait{ ${IMAGE} }
`

const PHOTO = /* groq */ `
  _id,
  caption,
  alt,
  credit,
  takenAt,
  place,
  prefecture,
  placeholder,
  showsMinors,
  minorsConsent,
  "image": image{ ${IMAGE} },
  "people": people[]{ ${REF_META}, "doc": @->{ ${WORKER_LINK} } },
  "talk": select(defined(talk) => talk{ ${REF_META}, "doc": @->{ _id, title, startsAt } })
`

const PORTABLE_TEXT = /* groq */ `[]{
  ...,
  _type == "captionedImage" => { _type, _key, ${IMAGE} }
}`

export const SETTINGS_QUERY = defineQuery(/* groq */ `*[_id == $settingsId][0]{
  title, tagline, organisation, "logo": logo{ ${IMAGE} }, icp, psb,
  operator, siteCode, correctionEmail,
  bookingOffice, bookingPhone, bookingEmail, bookingNotes,
  mapProvider, mapKey, mapApproval
}`)

export const WORKERS_QUERY = defineQuery(/* groq */ `*[_type == "modelWorker"] | order(name asc){
  ${WORKER_CARD},
  formerSlugs,
  source,
  "bio": bio${PORTABLE_TEXT}
}`)

/** The 点单 menu's topics; which workers give each comes from the workers' lectureTopics. */
export const LECTURE_TOPICS_QUERY = defineQuery(/* groq */ `*[_type == "lectureTopic"] | order(title asc){
  ${TOPIC_LINK},
  stages,
  description,
  durationMinutes,
  format
}`)

export const TALKS_QUERY = defineQuery(/* groq */ `*[_type == "talk"] | order(startsAt desc){
  _id,
  title,
  startsAt,
  endsAt,
  venueName,
  venueType,
  "location": select(defined(location.lat) && defined(location.lng) => { "lat": location.lat, "lng": location.lng }),
  prefecture,
  county,
  status,
  audienceSize,
  summary,
  "speakers": speakers[]{ ${REF_META}, "doc": @->{ ${WORKER_LINK} } },
  "tour": select(defined(tour) => tour{ ${REF_META}, "doc": @->{ _id, title, "slug": slug.current } }),
  "photos": photos[]{ ${REF_META}, "doc": @->{ _id } }
}`)

export const PHOTOS_QUERY =
  defineQuery(/* groq */ `*[_type == "photo"] | order(coalesce(takenAt, "0000") desc, _id asc){
  ${PHOTO}
}`)

export const TOURS_QUERY = defineQuery(/* groq */ `*[_type == "tour"] | order(period.start asc){
  _id, title, "slug": slug.current, formerSlugs, description, organiser, period{ start, end }
}`)

export const STORIES_QUERY = defineQuery(/* groq */ `*[_type == "story"] | order(publishedAt desc){
  _id,
  title,
  "slug": slug.current,
  formerSlugs,
  publishedAt,
  excerpt,
  author,
  "mainImage": mainImage{ ${IMAGE} },
  "body": body${PORTABLE_TEXT},
  "relatedWorkers": relatedWorkers[]{ ${REF_META}, "doc": @->{ ${WORKER_LINK} } }
}`)

/**
 * Pairings (结对) the editors chose to show: the others never leave the Content Lake. Which of them are
 * current is decided at build time (domain/pairing.ts), as for upcoming talks.
 */
export const PAIRINGS_QUERY = defineQuery(/* groq */ `*[_type == "pairing" && showOnSite == $shown] | order(since desc){
  _id,
  school,
  prefecture,
  county,
  since,
  until,
  activities,
  "worker": worker{ ${REF_META}, "doc": @->{ ${WORKER_LINK} } },
  "talks": talks[]{ ${REF_META}, "doc": @->{ _id, title, startsAt } }
}`)

/**
 * Whether a booking reference is already given to another request. References are short (a teacher reads
 * one out on the phone), so two requests on one day can draw the same code; the store draws again.
 */
export const REFERENCE_TAKEN_QUERY = defineQuery(
  /* groq */ `count(*[_type == "talkRequest" && reference == $reference && _id != $id]) > 0`,
)

/**
 * A request as its status page shows it to the school that sent it (after the server has compared the
 * phone's last four digits): the state, the editors' note to the school, and the talk arranged for it.
 * Published state only: a draft of an edit to the request is not yet what the booking office decided.
 */
export const REQUEST_STATUS_QUERY = defineQuery(/* groq */ `
  *[_type == "talkRequest" && reference == $reference && !(_id in path("drafts.**")) && !(_id in path("versions.**"))][0]{
    phone,
    status,
    replyNote,
    "talk": talk->{
      _id,
      title,
      startsAt,
      endsAt,
      status,
      venueName,
      prefecture,
      county,
      "speakers": speakers[]->name
    }
  }
`)

/**
 * Schools' feedback the editors approved, as the site counts it: numbers, stages and the editor's quote only
 * (never the comment, nor anything about the teacher). The talk for its speakers (site/lib/content/feedback.ts).
 */
export const FEEDBACK_QUERY = defineQuery(/* groq */ `*[_type == "talkFeedback" && approved == true] | order(_id){
  _id,
  rating,
  students,
  gradeBands,
  quote,
  "talk": talk{ ${REF_META}, "doc": @->{ _id, status, "speakers": speakers[]._ref } }
}`)

/**
 * The Studio's proof, for /api/feedback-links, that an editor asked for a feedback link: the grant it wrote
 * (a private document, `feedbackLinkGrant.<talk id>`, which only a signed-in editor can write) and the
 * published talk's status. Read with the server's token (site/lib/feedback/links.ts).
 */
export const FEEDBACK_LINK_GRANT_QUERY = defineQuery(/* groq */ `{
  "grant": *[_id == $grantId][0]{ grant, at },
  "talkStatus": *[_type == "talk" && _id == $talkId][0].status
}`)
