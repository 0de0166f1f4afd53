/** Small helpers pages share for reading collections. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content'
import type { Settings } from './content/schemas'

export async function getSettings(): Promise<Settings> {
  const entry = await getEntry('settings', 'siteSettings')
  if (!entry) throw new Error('settings collection is empty: the settings loader did not run')
  return entry.data
}

export const workerPath = (slug: string) => `/workers/${slug}/`
export const talkPath = (id: string) => `/talks/${id}/`
export const storyPath = (slug: string) => `/stories/${slug}/`
export const tourPath = (slug: string) => `/tours/${slug}/`
export const photoPath = (id: string) => `/photos/${id}/`
/** Links into the talk map (built by the map work); parameters per CONTRACTS.md. */
export const mapPath = (params: Record<string, string> = {}) => {
  const query = new URLSearchParams(params).toString()
  return `/map/${query ? `?${query}` : ''}`
}

/** The sharing image used when a page has none of its own (in public/). */
export const DEFAULT_OG_IMAGE = '/og-default.png'

/** Talks a worker speaks at, newest first. */
export async function talksOfWorker(workerId: string) {
  const talks = await getCollection('talks', ({ data }) => data.speakers.some((s) => s._id === workerId))
  return talks.map((t) => t.data).sort((a, b) => b.startsAt.localeCompare(a.startsAt))
}

/** The build date decides what counts as "upcoming" on a static site. */
export const BUILD_TIME = new Date(process.env.LAOMO_NOW || Date.now())

export function isUpcoming(talk: { startsAt: string; status: string }, now: Date = BUILD_TIME): boolean {
  return talk.status !== 'held' && new Date(talk.startsAt) > now
}

type PhotoData = CollectionEntry<'photos'>['data']

/** Photos matching a test, in the collection's order (newest first). */
export async function photosOf(test: (photo: PhotoData) => boolean): Promise<PhotoData[]> {
  return (await getCollection('photos', ({ data }) => test(data))).map((p) => p.data)
}
