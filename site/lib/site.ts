/** Small helpers pages share for reading collections. */
import { createHash } from 'node:crypto'
import { getCollection, getEntry, type CollectionEntry } from 'astro:content'
import type { Settings } from './content/schemas'
import { menuTopicOptions, menuTopicsInOrder, schoolTopics, schoolWorkers } from './booking/workers'
import { chinaDate, chinaYear } from './format'
import { newestPhotosFirst } from './lists'
import { movedPaths } from './redirects'
import { pairingPhase } from '#domain/pairing'

/**
 * Per-build memo. A static build renders thousands of pages from content that cannot change
 * while it runs, so what every page needs (settings, collections indexed by reference) is
 * computed once instead of scanning whole collections per page — that scan made rendering
 * quadratic in the content. `astro dev` reloads content, so there it recomputes every time.
 */
export function perBuild<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined
  let version: unknown
  return () => {
    if (import.meta.env.DEV) return make()
    // The publish service's warm renderer reloads the content between publishes and says so here
    // (site/integrations/keep-renderer.mjs); a build never changes it.
    const current = (globalThis as Record<symbol, unknown>)[Symbol.for('laomo.contentVersion')]
    if (current !== version) [version, value] = [current, undefined]
    value ??= make().catch((error: unknown) => {
      value = undefined
      throw error
    })
    return value
  }
}

export const getSettings: () => Promise<Settings> = perBuild(async () => {
  const entry = await getEntry('settings', 'siteSettings')
  if (!entry) throw new Error('settings collection is empty: the settings loader did not run')
  return entry.data
})

/** The sharing image used when a page has none of its own (in public/). */
export const DEFAULT_OG_IMAGE = '/og-default.png'
/** A build of the preview server (server/preview/): drafts shown, every page noindex and labelled. */
export const IS_PREVIEW = process.env.LAOMO_PERSPECTIVE === 'drafts'

type TalkData = CollectionEntry<'talks'>['data']

/**
 * The long lists' entries, read once. Each split list page (hundreds at 200× the sample) renders its
 * list's index page, which read the whole collection again: getCollection copies every entry per call.
 * Shared between pages: do not mutate.
 */
export const allTalks: () => Promise<readonly TalkData[]> = perBuild(async () =>
  (await getCollection('talks')).map((t) => t.data),
)
export const allWorkers: () => Promise<readonly CollectionEntry<'workers'>['data'][]> = perBuild(async () =>
  (await getCollection('workers')).map((w) => w.data),
)
/** Every renamed page's and feed's old and new path (site/lib/redirects.ts): the redirect pages and map share it. */
export const allMoved = perBuild(async () => {
  const [stories, tours] = await Promise.all([getCollection('stories'), getCollection('tours')])
  return movedPaths({
    workers: await allWorkers(),
    stories: stories.map((e) => e.data),
    tours: tours.map((e) => e.data),
  })
})
/** The gallery's order (newest first), sorted once. */
export const galleryPhotos: () => Promise<readonly CollectionEntry<'photos'>['data'][]> = perBuild(async () =>
  newestPhotosFirst((await getCollection('photos')).map((p) => p.data)),
)

/** Talks by speaker id, each list newest first (a stable sort, as sorting each list would give). */
const talksBySpeaker = perBuild(async () => {
  const talks = (await getCollection('talks')).map((t) => t.data).sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  const index = new Map<string, TalkData[]>()
  for (const talk of talks)
    for (const id of new Set(talk.speakers.map((s) => s._id))) {
      const list = index.get(id)
      if (list) list.push(talk)
      else index.set(id, [talk])
    }
  return index
})

/** Talks a worker speaks at, newest first. Shared between pages: do not mutate. */
export async function talksOfWorker(workerId: string): Promise<readonly TalkData[]> {
  return (await talksBySpeaker()).get(workerId) ?? []
}

/**
 * The build date decides what counts as "upcoming" on a static site. A build reads it once; the
 * publish service's warm renderer keeps this module for days, so it asks for the time again with each
 * publish's content (site/integrations/keep-renderer.mjs), as a clean build at that moment would read it.
 */
// A live binding: importers see the refreshed time.
export let BUILD_TIME = readBuildTime()
function readBuildTime(): Date {
  return new Date(process.env.LAOMO_NOW || Date.now())
}
;(globalThis as Record<symbol, unknown>)[Symbol.for('laomo.refreshBuildTime')] = () => {
  BUILD_TIME = readBuildTime()
  BUILD_DAY = chinaDate(BUILD_TIME)
}

/** Starts after the build's "now", whatever its status: how the talk list groups talks (即将到来 or by year). */
export const startsLater = (talk: { startsAt: string }) => Date.parse(talk.startsAt) > BUILD_TIME.getTime()

export function isUpcoming(talk: { startsAt: string; status: string }, now: Date = BUILD_TIME): boolean {
  return talk.status !== 'held' && new Date(talk.startsAt) > now
}

/** Pairings shown on the site (结对 marked 在网站上显示); site/lib/pairings.ts picks the current ones. */
export const allPairings: () => Promise<readonly CollectionEntry<'pairings'>['data'][]> = perBuild(async () =>
  (await getCollection('pairings')).map((p) => p.data),
)
/** The build's calendar day in China: a pairing is current through its last day. */
export let BUILD_DAY = chinaDate(BUILD_TIME)

type PhotoData = CollectionEntry<'photos'>['data']

/** Photos indexed by id, by talk and by person shown; positions keep the collection's order. */
const photoIndex = perBuild(async () => {
  const all = (await getCollection('photos')).map((p) => p.data)
  const byId = new Map<string, number>()
  const byTalk = new Map<string, number[]>()
  const byPerson = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key)
    if (list) {
      if (list.at(-1) !== at) list.push(at)
    } else map.set(key, [at])
  }
  all.forEach((photo, at) => {
    byId.set(photo._id, at)
    if (photo.talk) add(byTalk, photo.talk._id, at)
    for (const person of photo.people) add(byPerson, person._id, at)
  })
  return { all, byId, byTalk, byPerson }
})

/** Photos of a talk (listed on it, or pointing at it), in the collection's order (newest first). */
export async function photosOfTalk(talk: { _id: string; photoIds: readonly string[] }): Promise<PhotoData[]> {
  const { all, byId, byTalk } = await photoIndex()
  const positions = new Set(byTalk.get(talk._id))
  for (const id of talk.photoIds) {
    const at = byId.get(id)
    if (at !== undefined) positions.add(at)
  }
  return [...positions].sort((a, b) => a - b).map((at) => all[at]!)
}

/** Photos showing a worker, in the collection's order (newest first). */
export async function photosOfWorker(workerId: string): Promise<PhotoData[]> {
  const { all, byPerson } = await photoIndex()
  return (byPerson.get(workerId) ?? []).map((at) => all[at]!)
}

const workersById = perBuild(
  async () => new Map((await getCollection('workers')).map((w) => [w.data._id, w.data] as const)),
)

/** Workers with the given ids, in the collection's order. */
export async function workersWithIds(ids: Iterable<string>): Promise<CollectionEntry<'workers'>['data'][]> {
  const wanted = new Set(ids)
  return [...(await workersById()).values()].filter((w) => wanted.has(w._id))
}

/** Approved school feedback (the feedback collection), as site/lib/feedback/aggregate.ts counts it. */
export const allFeedback = perBuild(async () =>
  (await getCollection('feedback')).flatMap((f) => ('rating' in f.data ? [f.data] : [])),
)

/** The workers a school can ask for and their topics: what the booking form offers and the endpoint accepts. */
export const bookableWorkers = perBuild(async () => {
  const workers = schoolWorkers((await getCollection('workers')).map((w) => w.data))
  // The 点单 menu's topics, in menu order; `menuOptions` built once, so the endpoint's schema cache holds.
  const menuTopics = menuTopicsInOrder((await getCollection('topics')).map((t) => t.data))
  const menuOptions = menuTopicOptions(menuTopics)
  return { workers, workerIds: workers.map((w) => w._id), topics: schoolTopics(workers), menuTopics, menuOptions }
})

type Shown = {
  talks?: readonly TalkData[]
  workers?: readonly { _id: string }[]
  photos?: readonly { _id: string }[]
  stories?: readonly { _id: string }[]
  tours?: readonly { _id: string }[]
  feedback?: readonly { _id: string }[]
  pairings?: readonly { _id: string; since: string; until?: string }[]
}

/** Content digests (set by the loaders) of every entry, by "collection/id", and of the settings. */
const contentDigests = perBuild(async () => {
  const digests = new Map<string, string>()
  for (const name of ['talks', 'workers', 'photos', 'stories', 'tours', 'feedback', 'pairings'] as const)
    for (const entry of await getCollection(name)) digests.set(`${name}/${entry.id}`, String(entry.digest ?? ''))
  const settings = await getEntry('settings', 'siteSettings')
  return { digests, settings: String(settings?.digest ?? '') }
})

/**
 * A page's `cacheKey` for Astro's incremental builds (`experimental.incrementalBuild`): a digest of
 * everything it shows apart from code — the entries it renders (the loaders' content digests), the
 * site settings every layout reads, the build's year (the footer's copyright) and which of its talks
 * count as upcoming at build time. A page whose key and code are unchanged since the previous build is
 * copied from it instead of rendered, so list everything the page shows; an entry left out would leave
 * that page stale. `layout`: what else the page shows that no entry holds (a split list page's number of
 * parts, which items it counts as still to come).
 */
export async function cacheKey(shown: Shown, layout = ''): Promise<string> {
  const { digests, settings } = await contentDigests()
  const hash = createHash('sha1').update(`${settings}\nyear=${chinaYear(BUILD_TIME.toISOString())}\n${layout}`)
  for (const [collection, items] of Object.entries(shown) as [keyof Shown, readonly { _id: string }[]][])
    for (const item of items) {
      const digest = digests.get(`${collection}/${item._id}`)
      // Unknown to the digests (should not happen): never reuse the page.
      hash.update(`\n${collection}/${item._id}=${digest ?? Math.random()}`)
      if (collection === 'talks') hash.update(isUpcoming(item as TalkData) ? ' upcoming' : '')
      // A pairing that starts or ends moves on the page: its phase is part of what the page shows.
      if (collection === 'pairings') hash.update(` ${pairingPhase(item as unknown as { since: string }, BUILD_DAY)}`)
    }
  return hash.digest('base64url')
}
