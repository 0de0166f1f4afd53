/**
 * The talk map's state (filters + selected talk), its URL form and the filtering itself.
 * URL parameters: type, prefecture, year, worker, tour, status, talk (`KEYS` below). Other pages link
 * in with them, and the map writes its URL, through `mapPath` (`domain/paths.ts`); `state.test.ts` fixes their form.
 */
import { TALK_STATUSES, VENUE_TYPES, type TalkStatus, type VenueType } from '#domain/vocabulary'
import type { LatLng } from '#domain/map/providers'
import { mapPath, type MapLink } from '#domain/paths'
import { isLocated, STATUSES, TYPES, type MapColumns } from './data'
import type { DisplayPositions } from './types'

/** The map's state is what a link into it may preset (`MapLink`): the filters and the selected talk. */
export type MapState = MapLink
export type Filters = Omit<MapLink, 'talk'>

export const FILTER_KEYS = ['type', 'prefecture', 'year', 'worker', 'tour', 'status'] as const
const KEYS = [...FILTER_KEYS, 'talk'] as const

/** The values a URL may hold, known from the data. */
export interface Vocabulary {
  prefectures: ReadonlySet<string>
  years: ReadonlySet<number>
  workers: ReadonlySet<string>
  tours: ReadonlySet<string>
  /** Talk ids (they come with the text: until then the island parses with `anyTalk`). */
  talks: Pick<ReadonlySet<string>, 'has'>
}

/** Accepts every talk id (the ids are checked once the text is in). */
export const anyTalk: Vocabulary['talks'] = { has: () => true }

export function vocabularyOf(c: MapColumns, talkIds: Vocabulary['talks'] = anyTalk): Vocabulary {
  const used = <T>(values: T[], column: ArrayLike<number>) => {
    const seen = new Set<number>()
    for (let i = 0; i < column.length; i++) if (column[i]! >= 0) seen.add(column[i]!)
    return new Set([...seen].map((k) => values[k]!))
  }
  return {
    prefectures: used(c.prefectures, c.prefecture),
    years: new Set(c.year),
    workers: used(c.workers, c.speakers),
    tours: used(c.tours, c.tour),
    talks: talkIds,
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

/** The query string for a state ('' when empty): the map's link builder's, so links in and the URL agree. */
export function serialiseState(state: MapState): string {
  const path = mapPath(state)
  const at = path.indexOf('?')
  return at < 0 ? '' : path.slice(at)
}

/** The talks (indices, in data order: newest first) that pass the filters. */
export function filterTalks(c: MapColumns, f: Filters): number[] {
  const type = f.type ? TYPES.indexOf(f.type) : -1
  const status = f.status ? STATUSES.indexOf(f.status) : -1
  const pref = f.prefecture ? c.prefectures.indexOf(f.prefecture) : -1
  const worker = f.worker ? c.workers.indexOf(f.worker) : -1
  const tour = f.tour ? c.tours.indexOf(f.tour) : -1
  // A filter value the data does not know matches nothing.
  if ((f.type && type < 0) || (f.status && status < 0) || (f.prefecture && pref < 0)) return []
  if ((f.worker && worker < 0) || (f.tour && tour < 0)) return []
  const out: number[] = []
  for (let i = 0; i < c.size; i++) {
    if (type >= 0 && c.type[i] !== type) continue
    if (status >= 0 && c.status[i] !== status) continue
    if (pref >= 0 && c.prefecture[i] !== pref) continue
    if (f.year && c.year[i] !== f.year) continue
    if (tour >= 0 && c.tour[i] !== tour) continue
    if (worker >= 0) {
      let found = false
      for (let k = c.speakerStart[i]!; k < c.speakerStart[i + 1]! && !found; k++) found = c.speakers[k] === worker
      if (!found) continue
    }
    out.push(i)
  }
  return out
}

/**
 * The worker filter's suggestions: one per worker, labelled with the name, and with the name and
 * slug where two workers share a name (each suggestion must say whom it picks).
 */
export function workerChoices(workers: readonly (readonly [slug: string, name: string])[]): [string, string][] {
  const count = new Map<string, number>()
  for (const [, name] of workers) count.set(name, (count.get(name) ?? 0) + 1)
  return workers.map(([slug, name]) => [slug, count.get(name)! > 1 ? `${name}（${slug}）` : name])
}

/**
 * The worker a reader means by what they typed into the filter: the suggestion with exactly that
 * label, else the only one containing it; null when none or several do ('' means every worker).
 */
export function matchWorker(
  typed: string,
  choices: readonly (readonly [slug: string, label: string])[],
): string | null {
  const text = typed.trim()
  if (!text) return ''
  const exact = choices.find(([, label]) => label === text)
  if (exact) return exact[0]
  const containing = choices.filter(([, label]) => label.includes(text))
  return containing.length === 1 ? containing[0]![0] : null
}

/**
 * Marker positions for the talks that have a location, shifted by `toDisplay` into the active
 * provider's datum (`domain/map/datum`'s `toDisplay` for the provider, or the identity).
 * Columns, not an object per talk: 20,000 talks are drawn from them.
 */
export function displayPositions(c: MapColumns, toDisplay: (point: LatLng) => LatLng): DisplayPositions {
  const lat = new Float64Array(c.size).fill(Number.NaN)
  const lng = new Float64Array(c.size).fill(Number.NaN)
  for (let i = 0; i < c.size; i++) {
    if (!isLocated(c, i)) continue
    const shown = toDisplay({ lat: c.lat[i]!, lng: c.lng[i]! })
    lat[i] = shown.lat
    lng[i] = shown.lng
  }
  return { lat, lng }
}

export function statusText(count: number): string {
  return `共 ${count} 场报告会`
}
