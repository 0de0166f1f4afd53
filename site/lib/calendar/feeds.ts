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

/** Each speaker's talks by slug, in the list's order: one pass for every worker's feed. */
export function feedTalksBySpeaker<T extends FeedTalk>(talks: readonly T[]): Map<string, T[]> {
  const bySlug = new Map<string, T[]>()
  for (const talk of talks)
    for (const slug of new Set(talk.speakers.map((s) => s.slug))) {
      const list = bySlug.get(slug)
      if (list) list.push(talk)
      else bySlug.set(slug, [talk])
    }
  return bySlug
}

export function prefectureSlug(name: string): string | undefined {
  return PREFECTURES.find((p) => p.name === name)?.slug
}
