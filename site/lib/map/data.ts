/**
 * The talk map's data: a compact build-time encoding of the talks collection (lookup tables +
 * one array per talk), decoded in the browser. Pure: no Astro, no Leaflet, no DOM.
 */
import type { TalkStatus, VenueType } from '../../../studio/lib/vocabulary'
import type { MapConfig } from '../../../studio/lib/map/providers'

interface TalkFields {
  title: string
  startsAt: string
  venueName: string
  venueType: VenueType
  prefecture: string
  county?: string
  status: TalkStatus
  /** WGS84, as stored. */
  location?: { lat: number; lng: number }
  speakers: { slug: string; name: string }[]
  tour?: { slug: string; title: string }
}

/** What the talks collection gives us (a structural subset of its entries' data). */
export interface TalkInput extends TalkFields {
  _id: string
}

/** A talk as the map uses it. */
export interface MapTalk extends TalkFields {
  id: string
  /** Calendar year in China time. */
  year: number
}

const TYPES: VenueType[] = ['enterprise', 'school', 'community']
const STATUSES: TalkStatus[] = ['planned', 'held', 'cancelled']

/** One talk: [id, title, startsAt, venueName, type, prefecture, county, status, lat, lng, speakers, tour]. */
type Row = [
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  number,
  number | null,
  number | null,
  number[],
  number,
]

export interface CompactMapData {
  v: 1
  config: MapConfig
  prefectures: string[]
  workers: [slug: string, name: string][]
  tours: [slug: string, title: string][]
  talks: Row[]
}

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:/

/** China Standard Time has no DST: the year is the UTC year of the instant shifted by +8 h. */
export function chinaYear(iso: string): number {
  // Fast path (no Date per talk) for UTC times as Sanity stores them: "2026-12-31T16:00:00Z".
  if (iso.endsWith('Z') && UTC_ISO.test(iso)) {
    const year = Number(iso.slice(0, 4))
    return iso.startsWith('12-31T', 5) && Number(iso.slice(11, 13)) >= 16 ? year + 1 : year
  }
  return new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear()
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5

function indexer<K>(table: K[], key: (k: K) => string) {
  const index = new Map<string, number>()
  return (k: K) => {
    const id = key(k)
    let i = index.get(id)
    if (i === undefined) {
      i = table.push(k) - 1
      index.set(id, i)
    }
    return i
  }
}

export function encodeMapData(talks: TalkInput[], config: MapConfig): CompactMapData {
  const data: CompactMapData = { v: 1, config, prefectures: [], workers: [], tours: [], talks: [] }
  const pref = indexer(data.prefectures, (p) => p)
  const worker = indexer(data.workers, (w) => w[0])
  const tour = indexer(data.tours, (t) => t[0])
  for (const t of talks) {
    data.talks.push([
      t._id,
      t.title,
      t.startsAt,
      t.venueName,
      TYPES.indexOf(t.venueType),
      pref(t.prefecture),
      t.county ?? '',
      STATUSES.indexOf(t.status),
      t.location ? round5(t.location.lat) : null,
      t.location ? round5(t.location.lng) : null,
      t.speakers.map((s) => worker([s.slug, s.name])),
      t.tour ? tour([t.tour.slug, t.tour.title]) : -1,
    ])
  }
  return data
}

export function decodeMapData(data: CompactMapData): MapTalk[] {
  if (data?.v !== 1 || !Array.isArray(data.talks)) throw new Error('map data: unknown format (expected v 1)')
  // One object per worker and tour, shared by their talks (tens of thousands of talks decode fast).
  const workers = data.workers.map(([slug, name]) => ({ slug, name }))
  const tours = data.tours.map(([slug, title]) => ({ slug, title }))
  return data.talks.map(([id, title, startsAt, venueName, type, pref, county, status, lat, lng, speakers, tour]) => {
    const talk: MapTalk = {
      id,
      title,
      startsAt,
      year: chinaYear(startsAt),
      venueName,
      venueType: TYPES[type]!,
      prefecture: data.prefectures[pref]!,
      status: STATUSES[status]!,
      speakers: speakers.map((i) => workers[i]!),
    }
    if (county) talk.county = county
    if (lat !== null && lng !== null) talk.location = { lat, lng }
    if (tour >= 0) talk.tour = tours[tour]!
    return talk
  })
}
