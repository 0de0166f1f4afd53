/**
 * The URL contract of the public site: every path a page, feed, map link, the Studio or the publish
 * service points at is built here, and nowhere else. Slugs are typed by editors and may hold capitals,
 * spaces or Chinese characters, and ids are Sanity's: each path segment is percent-encoded the one way
 * (encodeURIComponent) and each query by URLSearchParams, so a link always reaches the page Astro wrote
 * under the same value.
 */
import type { TalkStatus, VenueType } from './vocabulary.ts'

const segment = (value: string) => encodeURIComponent(value)

/** `path` with `params` as its query string (entries without a value left out) and an optional fragment. */
function withQuery(path: string, params: [string, string | number | undefined][], fragment = ''): string {
  const query = new URLSearchParams()
  for (const [key, value] of params) if (value !== undefined && value !== '') query.set(key, String(value))
  const search = query.toString()
  return `${path}${search ? `?${search}` : ''}${fragment ? `#${fragment}` : ''}`
}

export const HOME_PATH = '/'

/** The sections' list pages, as the main menu and the breadcrumbs link them. */
export const SECTION_PATHS = {
  workers: '/workers/',
  talks: '/talks/',
  map: '/map/',
  photos: '/photos/',
  stories: '/stories/',
  tours: '/tours/',
  stats: '/stats/',
  schools: '/schools/',
  search: '/search/',
} as const

export const workerPath = (slug: string) => `/workers/${segment(slug)}/`
/** A model worker's profile as one printable A4 page (打印简介). */
export const workerPrintPath = (slug: string) => `${workerPath(slug)}print/`
export const talkPath = (id: string) => `/talks/${segment(id)}/`
/**
 * A talk's printable A4 poster for a notice board (with a QR code of the talk's page). Built only while the
 * talk is still to come; afterwards its address redirects to the talk's page (`posterTalkPath`).
 */
export const talkPosterPath = (id: string) => `${talkPath(id)}poster/`
/** The talk page a poster address belongs to (`/talks/<id>/poster/` → `/talks/<id>/`), or null. */
export const posterTalkPath = (path: string) => /^(\/talks\/[^/]+\/)poster\/?$/.exec(path)?.[1] ?? null
/** Print views (posters, 打印简介) copy a page for paper: kept out of the sitemap and search engines. */
export const isPrintViewPath = (path: string) => /^\/(talks\/[^/]+\/poster|workers\/[^/]+\/print)\/$/.test(path)
export const storyPath = (slug: string) => `/stories/${segment(slug)}/`
export const tourPath = (slug: string) => `/tours/${segment(slug)}/`
export const photoPath = (id: string) => `/photos/${segment(id)}/`

/** 网站地图 for people (not `/sitemap-index.xml`, which is for search engines). */
export const SITE_MAP_PAGE_PATH = '/site-map/'

/**
 * A prefilled 纠错 email about one page (RFC 6068): subject "纠错：<title>", body with the page's address.
 * Subject and body are UTF-8 percent-encoded with %20 for spaces and CRLF line breaks, as mail clients
 * (Outlook, Foxmail, phones' mail apps) read them; a "+" would show as a plus sign.
 */
export function correctionMailto(email: string, pageTitle: string, pageUrl: string): string {
  const body = [`页面地址：${pageUrl}`, '', '需要更正的内容：', '', '正确的内容（及出处）：', ''].join('\r\n')
  const query = `subject=${encodeURIComponent(`纠错：${pageTitle}`)}&body=${encodeURIComponent(body)}`
  return `mailto:${encodeURI(email.trim())}?${query}`
}

/** Feeds: stories as RSS, upcoming talks as iCalendar (all, per worker, per prefecture, one talk). */
export const RSS_PATH = '/rss.xml'
export const SITEMAP_PATH = '/sitemap-index.xml'
export const allFeedPath = '/calendar.ics'
export const workerFeedPath = (slug: string) => `/calendar/workers/${segment(slug)}.ics`
export const prefectureFeedPath = (slug: string) => `/calendar/prefectures/${segment(slug)}.ics`
export const talkFeedPath = (id: string) => `/calendar/talks/${segment(id)}.ics`

/** What a link into the talk map may preset; the map reads these parameters (site/lib/map/state.ts). */
export interface MapLink {
  type?: VenueType
  prefecture?: string
  year?: number
  worker?: string
  tour?: string
  status?: TalkStatus
  /** The selected talk's id. */
  talk?: string
}

/** A link into the talk map, its parameters in the map's own order (as the map writes its URL). */
export const mapPath = (link: MapLink = {}) =>
  withQuery(SECTION_PATHS.map, [
    ['type', link.type],
    ['prefecture', link.prefecture],
    ['year', link.year],
    ['worker', link.worker],
    ['tour', link.tour],
    ['status', link.status],
    ['talk', link.talk],
  ])

/**
 * The map page's data files (build-time JSON; load.ts adds a content hash to each): the first view
 * (what /map/ without a query draws and lists at once), then, on demand, all points and all text.
 */
export const MAP_VIEW_PATH = '/map/view.json'
export const MAP_POINTS_PATH = '/map/points.json'
export const MAP_TEXT_PATH = '/map/text.json'

/** The booking endpoint, the one path Node renders on demand (site/pages/api/talk-requests.astro). */
export const BOOKING_ENDPOINT_PATH = '/api/talk-requests'
/** Where a school looks up its request (reference + the phone's last four digits), served on demand. */
export const REQUEST_STATUS_PATH = '/schools/request/'
/** The status page with the reference filled in (linked from the confirmation). */
export const requestStatusPath = (reference?: string) => withQuery(REQUEST_STATUS_PATH, [['ref', reference]])
/** A school's feedback form after a talk, opened by the signed link the editors hand out (on demand). */
export const FEEDBACK_PATH = '/schools/feedback/'
export const feedbackPath = (token: string) => withQuery(FEEDBACK_PATH, [['t', token]])
/** Where the Studio asks the Node server to sign a feedback link (site/pages/api/feedback-links.ts). */
export const FEEDBACK_LINK_ENDPOINT_PATH = '/api/feedback-links'

/**
 * The school-talk booking form, with the model worker and the topic it asks for chosen if given: `topic` is
 * a worker's free topic tag, `menu.topicId` a lecture topic of the 点单 menu, `menu.anyWorker` ticks
 * "任一可安排的劳模".
 */
export const bookingPath = (
  workerSlug?: string,
  topic?: string,
  menu: { topicId?: string; anyWorker?: boolean } = {},
) =>
  withQuery(
    SECTION_PATHS.schools,
    [
      ['worker', workerSlug],
      ['topic', topic],
      ['lectureTopic', menu.topicId],
      ['any', menu.anyWorker ? '1' : undefined],
    ],
    'request',
  )

/** The 点单 topic menu: every stage, or one 学段 (a GRADE_BANDS value) as its own static page. */
export const topicMenuPath = (stage?: string) => (stage ? `/schools/topics/${segment(stage)}/` : '/schools/topics/')

/** Published id: drafts and release versions share the page of the published document. */
export function publishedId(id: string): string {
  return id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
}

/** A Sanity document as far as its page is concerned (a slug as Sanity stores it, or as a plain string). */
export interface PageDocument {
  _id: string
  _type: string
  slug?: { current?: string | null } | string | null
}

/**
 * The page of a document with one of its own (model worker, talk, story, tour, photo), or null: other
 * types, or no slug yet. A blank slug has no page (the site skips it); any other is used as typed,
 * untrimmed, as the site writes it.
 */
export function documentPath(doc: PageDocument): string | null {
  const typed = typeof doc.slug === 'string' ? doc.slug : doc.slug?.current
  const slug = typed?.trim() ? typed : null
  switch (doc._type) {
    case 'modelWorker':
      return slug ? workerPath(slug) : null
    case 'talk':
      return talkPath(publishedId(doc._id))
    case 'story':
      return slug ? storyPath(slug) : null
    case 'tour':
      return slug ? tourPath(slug) : null
    case 'photo':
      return photoPath(publishedId(doc._id))
    default:
      return null
  }
}

/**
 * The absolute URL of a site path on the site at `site` (an origin, optionally with a base path the
 * site is served under). Resolved as a URL, so it is written as browsers and feeds read it.
 */
export function absoluteUrl(path: string, site: string | URL): string {
  const root = `${String(site).replace(/\/+$/, '')}/`
  // './' keeps a first segment with a colon from reading as a scheme.
  return new URL(`./${path.replace(/^\/+/, '')}`, root).href
}

/** A page of the split talk list: a year, a month of it (1–12), a part of that month (2 and on). */
export function talkListPath(year: string, month?: string, part = 1): string {
  const segments = [year, month, part > 1 ? String(part) : undefined].filter((s) => s !== undefined)
  return `${SECTION_PATHS.talks}${segments.map((s) => `${segment(s)}/`).join('')}`
}

/** A page of the split model-worker list: a prefecture (its slug), an initial in it, a part (2 and on). */
export function workerListPath(prefectureSlug: string, initial?: string, part = 1): string {
  const segments = [prefectureSlug, initial, part > 1 ? String(part) : undefined].filter((s) => s !== undefined)
  return `${SECTION_PATHS.workers}prefecture/${segments.map((s) => `${segment(s)}/`).join('')}`
}

/**
 * A page of a split list (talks by year and month, model workers by prefecture and initial, the gallery's pages
 * past the first): it comes and goes with its list, as when a month's last talk moves to another month.
 */
export const isSplitListPath = (path: string) =>
  /^\/(talks\/\d{4}\/(\d{2}\/)?(\d+\/)?|workers\/prefecture\/.+\/|photos\/page\/\d+\/)$/.test(path)

/** A page of the paginated photo gallery: the first is the gallery itself. */
export const photoListPath = (page: number) =>
  page > 1 ? `${SECTION_PATHS.photos}page/${page}/` : SECTION_PATHS.photos
