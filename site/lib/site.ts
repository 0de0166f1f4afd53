/** Small helpers pages share for reading collections. */
import { getCollection, getEntry } from 'astro:content'
import type { Settings } from './content/schemas'

export async function getSettings(): Promise<Settings> {
  const entry = await getEntry('settings', 'siteSettings')
  if (!entry) throw new Error('settings collection is empty: the settings loader did not run')
  return entry.data
}

export const workerPath = (slug: string) => `/workers/${slug}/`

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
