/**
 * The talk map's data, built at build time from the talks collection and decoded in the browser,
 * in two files so the markers never wait for text:
 *
 * - the points (`MapPoints`): per talk only what markers and filters need, as numeric columns
 *   (type, status, year, prefecture, position ×1e5, speakers, tour), plus the filter vocabulary's
 *   keys (prefecture names, worker and tour slugs). Small, parsed fast, decoded into typed arrays.
 *   Positions and speakers are delta-coded (`deltaCoded`): a position from the previous located talk of
 *   the same prefecture, a speaker from the previous speaker. Short numbers that repeat gzip far
 *   better than whole ones: the points of 42,600 talks shrink by two thirds (docs/performance.md,
 *   "Map at 200×").
 * - the text (`MapText`): ids, titles, times (China time), venues, counties, worker names
 *   and tour titles, in the same order. Popups and the list need it; the island fetches it in parallel.
 *   Times are written in China time here, at build time, so the browser shows them by reading
 *   their fields: creating a time-zone formatter cost a phone more than the list's whole markup.
 *
 * Pure: no Astro, no Leaflet, no DOM.
 */
import type { TalkStatus, VenueType } from '#domain/vocabulary'
import { chinaIso, chinaYear, formatChinaIso } from '../format'
import type { MapConfig } from '#domain/map/providers'
import type { ClusterPreview } from './types'

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

/** A talk as the list and popups use it (made on demand, from the points and the text). */
export interface MapTalk extends TalkFields {
  id: string
  /** Calendar year in China time. */
  year: number
  /** Start as displayed, e.g. "2026年5月1日 10:00" (`startsAt` is China time: "2026-05-01T10:00+08:00"). */
  when: string
}

export const TYPES: readonly VenueType[] = ['enterprise', 'school', 'community']
export const STATUSES: readonly TalkStatus[] = ['planned', 'held', 'cancelled']

/** Positions are stored as integers: degrees × 1e5 (about 1 m). */
const SCALE = 1e5

/** The first file: one array per column, one entry per talk (newest first). */
export interface MapPoints {
  v: 4
  config: MapConfig
  prefectures: string[]
  /** Worker slugs (their names are in the text), in the order of their names. */
  workers: string[]
  /** Tour slugs (their titles are in the text). */
  tours: string[]
  /** Index into `TYPES`. */
  type: number[]
  /** Index into `STATUSES`. */
  status: number[]
  /** Calendar year in China time. */
  year: number[]
  /** Index into `prefectures`. */
  prefecture: number[]
  /**
   * Latitude/longitude × 1e5 (WGS84), null without a location; each minus the previous located talk's
   * of the same prefecture (the first of a prefecture: minus 0).
   */
  lat: (number | null)[]
  lng: (number | null)[]
  /**
   * How many speakers each talk has; their indices into `workers` follow one another in `speakers`,
   * each minus the one before it (the first: minus 0).
   */
  speakerCount: number[]
  speakers: number[]
  /** Index into `tours`, -1 for none. */
  tour: number[]
  /** The clusters of all talks at the zooms a first view opens at (made by `./preview`). */
  preview?: ClusterPreview
}

/** The second file: the text, in the same order as the points. */
export interface MapText {
  v: 3
  /** Worker names, in the order of `MapPoints.workers`. */
  workers: string[]
  /** Tour titles, in the order of `MapPoints.tours`. */
  tours: string[]
  ids: string[]
  titles: string[]
  /** In China time, to the minute ("2026-05-01T10:00+08:00"). */
  startsAt: string[]
  venues: string[]
  /** '' when the talk has none. */
  counties: string[]
}

/** The points, decoded into typed arrays (no object per talk). */
export interface MapColumns {
  config: MapConfig
  /** Number of talks. */
  size: number
  prefectures: string[]
  workers: string[]
  tours: string[]
  type: Uint8Array
  status: Uint8Array
  year: Uint16Array
  prefecture: Uint32Array
  /** WGS84 degrees; NaN without a location. */
  lat: Float64Array
  lng: Float64Array
  /** Talk i's speakers are `speakers[speakerStart[i] .. speakerStart[i + 1])`. */
  speakerStart: Uint32Array
  speakers: Uint32Array
  /** -1 for none. */
  tour: Int32Array
  /** As in `MapPoints`: the unfiltered first view's clusters. */
  preview?: ClusterPreview
}

function indexer(table: string[]) {
  const index = new Map<string, number>()
  return (key: string, onNew?: () => void) => {
    let i = index.get(key)
    if (i === undefined) {
      i = table.push(key) - 1
      index.set(key, i)
      onNew?.()
    }
    return i
  }
}

export function encodeMapData(talks: TalkInput[], config: MapConfig): { points: MapPoints; text: MapText } {
  const points: MapPoints = {
    v: 4,
    config,
    prefectures: [],
    workers: [],
    tours: [],
    type: [],
    status: [],
    year: [],
    prefecture: [],
    lat: [],
    lng: [],
    speakerCount: [],
    speakers: [],
    tour: [],
  }
  const text: MapText = {
    v: 3,
    workers: [],
    tours: [],
    ids: [],
    titles: [],
    startsAt: [],
    venues: [],
    counties: [],
  }
  const pref = indexer(points.prefectures)
  const worker = indexer(points.workers)
  const tour = indexer(points.tours)
  // Workers in name order: the worker filter suggests them in this order (sorted here, at build time:
  // a zh-CN collator costs a phone more than the whole list).
  const named = new Map(talks.flatMap((t) => t.speakers.map((s) => [s.slug, s.name] as const)))
  for (const [slug, name] of [...named].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN')))
    worker(slug, () => text.workers.push(name))
  for (const t of talks) {
    points.type.push(TYPES.indexOf(t.venueType))
    points.status.push(STATUSES.indexOf(t.status))
    points.year.push(chinaYear(t.startsAt))
    points.prefecture.push(pref(t.prefecture))
    points.lat.push(t.location ? Math.round(t.location.lat * SCALE) : null)
    points.lng.push(t.location ? Math.round(t.location.lng * SCALE) : null)
    points.speakerCount.push(t.speakers.length)
    for (const s of t.speakers) points.speakers.push(worker(s.slug, () => text.workers.push(s.name)))
    points.tour.push(t.tour ? tour(t.tour.slug, () => text.tours.push(t.tour!.title)) : -1)
    text.ids.push(t._id)
    text.titles.push(t.title)
    text.startsAt.push(chinaIso(t.startsAt))
    text.venues.push(t.venueName)
    text.counties.push(t.county ?? '')
  }
  return { points: deltaCoded(points), text }
}

/** Codes positions as differences per prefecture and speakers as differences in a row (`MapPoints`). */
function deltaCoded(points: MapPoints): MapPoints {
  const last = new Map<number, [number, number]>()
  const lat: (number | null)[] = []
  const lng: (number | null)[] = []
  points.lat.forEach((a, i) => {
    const b = points.lng[i]!
    if (a === null || b === null) return void (lat.push(null), lng.push(null))
    const [pa, pb] = last.get(points.prefecture[i]!) ?? [0, 0]
    lat.push(a - pa)
    lng.push(b - pb)
    last.set(points.prefecture[i]!, [a, b])
  })
  const speakers = points.speakers.map((k, j) => k - (j ? points.speakers[j - 1]! : 0))
  return { ...points, lat, lng, speakers }
}

const unknown = (what: string, v: number) => new Error(`map ${what}: unknown format (expected v ${v})`)

export function decodeMapPoints(data: MapPoints): MapColumns {
  if (data?.v !== 4 || !Array.isArray(data.type)) throw unknown('points', 4)
  const size = data.type.length
  /** Per prefecture, the last position decoded (the delta coding's running sums). */
  const last = new Map<number, [number, number]>()
  const lat = new Float64Array(size)
  const lng = new Float64Array(size)
  const speakerStart = new Uint32Array(size + 1)
  for (let i = 0; i < size; i++) {
    const a = data.lat[i]
    const b = data.lng[i]
    if (a === null || a === undefined || b === null || b === undefined) lat[i] = lng[i] = NaN
    else {
      const [pa, pb] = last.get(data.prefecture[i]!) ?? [0, 0]
      last.set(data.prefecture[i]!, [pa + a, pb + b])
      lat[i] = (pa + a) / SCALE
      lng[i] = (pb + b) / SCALE
    }
    speakerStart[i + 1] = speakerStart[i]! + data.speakerCount[i]!
  }
  // Running sums of the differences; in 32-bit arithmetic a negative difference wraps as it should.
  const speakers = Uint32Array.from(data.speakers)
  for (let k = 1; k < speakers.length; k++) speakers[k] += speakers[k - 1]!
  return {
    config: data.config,
    size,
    prefectures: data.prefectures,
    workers: data.workers,
    tours: data.tours,
    type: Uint8Array.from(data.type),
    status: Uint8Array.from(data.status),
    year: Uint16Array.from(data.year),
    prefecture: Uint32Array.from(data.prefecture),
    lat,
    lng,
    speakerStart,
    speakers,
    tour: Int32Array.from(data.tour),
    ...(data.preview ? { preview: data.preview } : {}),
  }
}

/** Checks the text against the points it belongs to. */
export function checkMapText(text: MapText, columns: MapColumns): MapText {
  if (text?.v !== 3 || !Array.isArray(text.ids)) throw unknown('text', 3)
  if (text.ids.length !== columns.size || text.workers.length !== columns.workers.length)
    throw new Error('map text: does not match the points')
  return text
}

export const isLocated = (c: MapColumns, i: number): boolean => !Number.isNaN(c.lat[i]!)

/** Talk `i` as one object, for the list and the popups. */
export function talkAt(c: MapColumns, text: MapText, i: number): MapTalk {
  const speakers: MapTalk['speakers'] = []
  for (let k = c.speakerStart[i]!; k < c.speakerStart[i + 1]!; k++) {
    const w = c.speakers[k]!
    speakers.push({ slug: c.workers[w]!, name: text.workers[w]! })
  }
  const talk: MapTalk = {
    id: text.ids[i]!,
    title: text.titles[i]!,
    startsAt: text.startsAt[i]!,
    when: formatChinaIso(text.startsAt[i]!),
    year: c.year[i]!,
    venueName: text.venues[i]!,
    venueType: TYPES[c.type[i]!]!,
    prefecture: c.prefectures[c.prefecture[i]!]!,
    status: STATUSES[c.status[i]!]!,
    speakers,
  }
  if (text.counties[i]) talk.county = text.counties[i]
  if (isLocated(c, i)) talk.location = { lat: c.lat[i]!, lng: c.lng[i]! }
  const tour = c.tour[i]!
  if (tour >= 0) talk.tour = { slug: c.tours[tour]!, title: text.tours[tour]! }
  return talk
}
