/** Talks: the drafted programme put in date order, timed, titled and summarised. */
import { AUDIENCE, DURATIONS, START_TIMES, SUMMARY_TAILS } from './data/talks.ts'
import { SHUANGLIAN } from './data/tours.ts'
import { chinaTimeToUtc } from './dates.ts'
import { assertIn } from './guards.ts'
import { ref, refItem, type Json } from './portable-text.ts'
import type { Random } from './random.ts'
import type { TalkDraft } from './schedule.ts'
import { chineseNumber, names } from './text.ts'
import { workerId } from './workers.ts'

export interface Talk {
  id: string
  draft: TalkDraft
  startsAt: string
  endsAt: string
  title: string
  topic: string
  audienceSize?: number
  /** Photos of this talk, filled in as they are chosen. */
  photoIds: string[]
}

/** The tour's name and the venue, with 第二场… when a venue hosts more than one talk. */
function talkTitle(d: TalkDraft, n: number): string {
  const suffix = n > 1 ? `（第${chineseNumber(n)}场）` : ''
  if (d.title) return d.title
  if (d.tour === SHUANGLIAN) return `${SHUANGLIAN.short}——${d.venue.name}${suffix}`
  if (d.tour) return `${d.tour.short}——${d.venue.name}专场报告会${suffix}`
  return `${d.venue.name}劳模事迹报告会${suffix}`
}

/** Times the drafts, sorts them by start (then venue) and numbers them talk-001…. */
export function finaliseTalks(random: Random, drafts: TalkDraft[]): Talk[] {
  const timed = drafts.map((d) => {
    const start = random.pick(START_TIMES[d.venue.type])
    return { d, start, minutes: random.pick(DURATIONS) }
  })
  timed.sort(
    (a, b) => (a.d.date + a.start).localeCompare(b.d.date + b.start) || a.d.venue.name.localeCompare(b.d.venue.name),
  )
  const seenVenue = new Map<string, number>()
  return timed.map(({ d, start, minutes }, i) => {
    const n = (seenVenue.get(d.venue.name) ?? 0) + 1
    seenVenue.set(d.venue.name, n)
    const [lo, hi] = AUDIENCE[d.venue.type]
    return {
      id: `talk-${String(i + 1).padStart(3, '0')}`,
      draft: d,
      startsAt: chinaTimeToUtc(d.date, start),
      endsAt: chinaTimeToUtc(d.date, start, minutes),
      title: talkTitle(d, n),
      topic: random.pick(d.speakers[0].topics),
      audienceSize: d.status === 'held' ? random.int(lo, hi) : undefined,
      photoIds: [],
    }
  })
}

function talkSummary(random: Random, t: Talk): string {
  const { venue: v, speakers, status } = t.draft
  const who = names(speakers)
  if (status === 'planned') return `计划邀请${who}围绕“${t.topic}”作报告，具体安排以主办方通知为准。`
  if (status === 'cancelled') return `原定由${who}围绕“${t.topic}”作报告。因场地安排调整，本场报告会取消，另行安排。`
  const lead =
    v.type === 'school'
      ? `${who}走进${v.name}，以“${t.topic}”为题，结合自己的成长经历与${t.audienceSize}名师生交流。`
      : v.type === 'enterprise'
        ? `${who}来到${v.name}，围绕“${t.topic}”讲述岗位上的故事，${t.audienceSize}名职工参加。`
        : `${who}在${v.name}与${t.audienceSize}名居民和职工面对面，分享“${t.topic}”方面的体会。`
  return lead + random.pick(SUMMARY_TAILS)
}

/** The talk document. Draws from `random` (a held talk's summary), so the call order matters. */
export function talkDoc(random: Random, t: Talk): Json {
  const d = t.draft
  return {
    _id: t.id,
    _type: 'talk',
    title: t.title,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    venueName: d.venue.name,
    venueType: assertIn('venueType', d.venue.type),
    location: { _type: 'geopoint', lat: d.venue.lat, lng: d.venue.lng },
    prefecture: d.venue.prefecture,
    county: d.venue.county,
    speakers: d.speakers.map((w) => refItem(`${t.id}.speakers`, workerId(w))),
    ...(d.tour ? { tour: ref(d.tour.id) } : {}),
    status: assertIn('status', d.status),
    ...(t.audienceSize !== undefined ? { audienceSize: t.audienceSize } : {}),
    summary: talkSummary(random, t),
    ...(t.photoIds.length ? { photos: t.photoIds.map((p) => refItem(`${t.id}.photos`, p)) } : {}),
  }
}
