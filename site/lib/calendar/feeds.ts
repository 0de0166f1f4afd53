/** Which talks each calendar feed holds; where the feeds live is the URL contract, domain/paths.ts. */
import { PREFECTURES } from '#domain/region'
import { isUpcoming } from '../site'
import type { CalendarTalk } from './ics'

export interface FeedTalk extends CalendarTalk {
  speakers: { name: string; slug: string }[]
}

/** Upcoming talks (planned, or cancelled and shown as such), nearest first. */
export function upcomingTalks<T extends FeedTalk>(talks: readonly T[], now: Date): T[] {
  return talks.filter((t) => isUpcoming(t, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
}

export function talksOfWorkerFeed<T extends FeedTalk>(talks: readonly T[], slug: string): T[] {
  return talks.filter((t) => t.speakers.some((s) => s.slug === slug))
}

export function prefectureSlug(name: string): string | undefined {
  return PREFECTURES.find((p) => p.name === name)?.slug
}
