/**
 * The talk programme before times and titles: which venue, which day, which tour, which speakers.
 * First the fixed “中国梦·双联情” stops, then the rest spread over prefectures, venue types and time.
 */
import type { County, Prefecture } from '#domain/region'
import type { TalkStatus, VenueType } from '#domain/vocabulary'
import {
  CANCELLED_SLOTS,
  CANCELLED_TOTAL,
  COUNTY_WEIGHT,
  FUTURE_PERIOD,
  HELD_PERIOD,
  HELD_TOTAL,
  NEIGHBOURS,
  SHUANGLIAN_PERIOD,
  SHUANGLIAN_STOPS,
  TALKS_PER_PREFECTURE,
  TOTAL_TALKS,
  VENUE_TYPE_TOTALS,
} from './data/talks.ts'
import { SHUANGLIAN, TOUR_BY_TYPE, type TourSpec } from './data/tours.ts'
import { FICTIONAL_WORKERS, type WorkerSpec } from './data/workers.ts'
import { slotDate } from './dates.ts'
import { prefecture } from './guards.ts'
import type { Random } from './random.ts'
import type { Venue, Venues } from './venues.ts'

export interface TalkDraft {
  venue: Venue
  status: TalkStatus
  date: string
  tour?: TourSpec
  speakers: WorkerSpec[]
  /** Fixed title override (the 陇西 report meeting of the article's photo). */
  title?: string
  articlePhoto?: boolean
}

const countyWeight = (p: Prefecture, c: County): number =>
  COUNTY_WEIGHT[c.name] ?? (p.counties[0].name === c.name ? 3 : 1)

/** A local speaker most of the time, else one from a neighbouring prefecture; sometimes a second. */
function chooseSpeakers(random: Random, v: Venue, tour: TourSpec | undefined): WorkerSpec[] {
  const eligible = FICTIONAL_WORKERS.filter((w) => v.type !== 'school' || w.schools)
  const local = eligible.filter((w) => w.prefecture === v.prefecture)
  const nearby = eligible.filter((w) => NEIGHBOURS[v.prefecture].includes(w.prefecture))
  let first: WorkerSpec
  if (local.length && random.next() < 0.8) first = random.pick(local)
  else if (nearby.length && random.next() < 0.7) first = random.pick(nearby)
  else first = random.pick(local.length ? local : nearby.length ? nearby : eligible)
  const speakers = [first]
  const secondChance = tour === SHUANGLIAN ? 0.7 : 0.35
  if (random.next() < secondChance) {
    const pool =
      tour === SHUANGLIAN
        ? eligible.filter((w) => w.sector === 'agriculture' || w.prefecture === v.prefecture)
        : [...local, ...nearby]
    const others = pool.filter((w) => w !== first)
    if (others.length) speakers.push(random.pick(others))
  }
  return speakers
}

/** Every talk of the programme, in the order drawn (not yet by date). */
export function buildTalkDrafts(random: Random, venues: Venues): TalkDraft[] {
  const drafts: TalkDraft[] = []
  const remainingPerPref = { ...TALKS_PER_PREFECTURE }
  const remainingTypes = { ...VENUE_TYPE_TOTALS }
  SHUANGLIAN_STOPS.forEach((s, i) => {
    const v = venues.get(s.pref, s.county, s.type, s.name)
    drafts.push({
      venue: v,
      status: 'held',
      date: slotDate(random, SHUANGLIAN_PERIOD, i, SHUANGLIAN_STOPS.length, s.type),
      tour: SHUANGLIAN,
      speakers: chooseSpeakers(random, v, SHUANGLIAN),
      title: s.title,
      articlePhoto: s.article,
    })
    remainingPerPref[s.pref]--
    remainingTypes[s.type]--
  })
  drafts.push(...spreadRemaining(random, venues, remainingPerPref, remainingTypes, HELD_TOTAL - drafts.length))
  return drafts
}

/** The other talks: shuffled prefectures and venue types, stratified over time; the first `heldCount` held. */
function spreadRemaining(
  random: Random,
  venues: Venues,
  perPref: Record<string, number>,
  perType: Record<VenueType, number>,
  heldCount: number,
): TalkDraft[] {
  const prefSlots = random.shuffle(Object.entries(perPref).flatMap(([name, n]) => Array<string>(n).fill(name)))
  const typeSlots = random.shuffle(
    (Object.entries(perType) as [VenueType, number][]).flatMap(([t, n]) => Array<VenueType>(n).fill(t)),
  )
  const futureCount = TOTAL_TALKS - HELD_TOTAL
  if (prefSlots.length !== heldCount + futureCount) throw new Error('slot arithmetic')
  const cancelledSlots = new Set(CANCELLED_SLOTS.slice(0, CANCELLED_TOTAL))
  return prefSlots.map((prefName, i): TalkDraft => {
    const type = typeSlots[i]
    const p = prefecture(prefName)
    const c = random.weightedPick(p.counties, (cc) => countyWeight(p, cc))
    const v = venues.get(prefName, c.name, type)
    const held = i < heldCount
    const futureIndex = i - heldCount
    const date = held
      ? slotDate(random, HELD_PERIOD, i, heldCount, type)
      : slotDate(random, FUTURE_PERIOD, futureIndex, futureCount, type)
    const tour = random.next() < 0.88 ? TOUR_BY_TYPE[type] : undefined
    return {
      venue: v,
      status: held ? 'held' : cancelledSlots.has(futureIndex) ? 'cancelled' : 'planned',
      date,
      tour: tour && date >= tour.start && date <= tour.end ? tour : undefined,
      speakers: chooseSpeakers(random, v, tour),
    }
  })
}
