/**
 * The talk map's state (filters + selected talk), its URL form and the filtering itself.
 * URL parameters are fixed by CONTRACTS.md: type, prefecture, year, worker, tour, status, talk.
 */
import { TALK_STATUSES, VENUE_TYPES, type TalkStatus, type VenueType } from '../../../studio/lib/vocabulary'
import type { LatLng } from '../../../studio/lib/map/providers'
import type { MapTalk } from './data'

export interface Filters {
  type?: VenueType
  prefecture?: string
  year?: number
  worker?: string
  tour?: string
  status?: TalkStatus
}

export interface MapState extends Filters {
  /** The selected talk's id. */
  talk?: string
}

export const FILTER_KEYS = ['type', 'prefecture', 'year', 'worker', 'tour', 'status'] as const
const KEYS = [...FILTER_KEYS, 'talk'] as const

/** The values a URL may hold, known from the data. */
export interface Vocabulary {
  prefectures: Set<string>
  years: Set<number>
  workers: Set<string>
  tours: Set<string>
  talks: Set<string>
}

export function vocabularyOf(talks: MapTalk[]): Vocabulary {
  return {
    prefectures: new Set(talks.map((t) => t.prefecture)),
    years: new Set(talks.map((t) => t.year)),
    workers: new Set(talks.flatMap((t) => t.speakers.map((s) => s.slug))),
    tours: new Set(talks.flatMap((t) => (t.tour ? [t.tour.slug] : []))),
    talks: new Set(talks.map((t) => t.id)),
  }
}

const TYPE_VALUES = new Set<string>(VENUE_TYPES.map((o) => o.value))
const STATUS_VALUES = new Set<string>(TALK_STATUSES.map((o) => o.value))

/**
 * Reads the state from a query string. Values the data does not know are dropped and named in
 * `ignored` (a stale shared link must still open the map, and say what it could not apply).
 */
export function parseState(
  search: string | URLSearchParams,
  vocab: Vocabulary,
): { state: MapState; ignored: string[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const state: MapState = {}
  const ignored: string[] = []
  for (const key of KEYS) {
    const raw = params.get(key)?.trim()
    if (!raw) continue
    let ok = false
    switch (key) {
      case 'type':
        if ((ok = TYPE_VALUES.has(raw))) state.type = raw as VenueType
        break
      case 'status':
        if ((ok = STATUS_VALUES.has(raw))) state.status = raw as TalkStatus
        break
      case 'prefecture':
        if ((ok = vocab.prefectures.has(raw))) state.prefecture = raw
        break
      case 'year': {
        const year = Number(raw)
        if ((ok = /^\d{4}$/.test(raw) && vocab.years.has(year))) state.year = year
        break
      }
      case 'worker':
        if ((ok = vocab.workers.has(raw))) state.worker = raw
        break
      case 'tour':
        if ((ok = vocab.tours.has(raw))) state.tour = raw
        break
      case 'talk':
        if ((ok = vocab.talks.has(raw))) state.talk = raw
        break
    }
    if (!ok) ignored.push(`${key}=${raw}`)
  }
  return { state, ignored }
}

/** The query string for a state, keys in a fixed order ('' when empty). */
export function serialiseState(state: MapState): string {
  const params = new URLSearchParams()
  for (const key of KEYS) {
    const value = state[key]
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}

export function matches(talk: MapTalk, f: Filters): boolean {
  return (
    (!f.type || talk.venueType === f.type) &&
    (!f.prefecture || talk.prefecture === f.prefecture) &&
    (!f.year || talk.year === f.year) &&
    (!f.worker || talk.speakers.some((s) => s.slug === f.worker)) &&
    (!f.tour || talk.tour?.slug === f.tour) &&
    (!f.status || talk.status === f.status)
  )
}

export function filterTalks(talks: MapTalk[], filters: Filters): MapTalk[] {
  return talks.filter((t) => matches(t, filters))
}

export interface MarkerPoint {
  id: string
  venueType: VenueType
  /** Where the marker is drawn: WGS84 converted into the tiles' datum. */
  position: LatLng
}

/**
 * Marker positions for the talks that have a location, shifted by `toDisplay` into the active
 * provider's datum (`studio/lib/map/datum`'s `toDisplay` for the provider, or the identity).
 */
export function markerPoints(talks: MapTalk[], toDisplay: (point: LatLng) => LatLng): MarkerPoint[] {
  return talks.flatMap((t) =>
    t.location ? [{ id: t.id, venueType: t.venueType, position: toDisplay(t.location) }] : [],
  )
}

export function statusText(count: number): string {
  return `共 ${count} 场报告会`
}
