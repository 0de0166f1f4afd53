/**
 * The map's first view as one small file: what /map/ (no query) needs to draw its markers and the
 * list's first items (`FIRST_VIEW_PAGE` of `./list`), whatever the number of talks. All talks' points and text (`./data`) come only
 * when the reader does something that needs them (filters, zooms, scrolls the list): at 200× the
 * sample they are ~270 KB gzip, the first view ~8 KB (docs/performance.md, "Map at 200×").
 *
 * It is the points and text of all talks as `./data` encodes them, with every talk blanked but the
 * list's first items and those the first view's clusters (`./preview`) show alone: no text, no
 * speakers, a stand-in position (0, 0) if it has one, so the preview's count of located talks holds.
 * Blank columns are runs of zeros and empty strings, which gzip to almost nothing, and the island
 * decodes the file as it decodes all talks' data: a talk's index is the same in both, so markers,
 * list items and popups made from the first view stay valid when all talks come.
 *
 * With no more talks than that it holds them all, unblanked, and is all the data.
 *
 * Pure: no Astro, no Leaflet, no DOM.
 */
import type { MapConfig } from '#domain/map/providers'
import { encodeMapData, type MapPoints, type MapText, type TalkInput } from './data'
import type { ClusterPreview } from './types'

export interface MapFirstView {
  v: 1
  /** Whether it holds every talk: then nothing more is fetched. */
  complete: boolean
  points: MapPoints
  text: MapText
}

/** The text columns a blank talk has empty. */
const TEXT_COLUMNS = ['ids', 'titles', 'startsAt', 'venues', 'counties'] as const

/**
 * `talks` newest first, as for all talks' data; the first `listed` are kept for the list. A small
 * dataset's view carries no preview: its index is built at once.
 */
export function encodeFirstView(
  talks: TalkInput[],
  config: MapConfig,
  preview: ClusterPreview,
  listed: number,
): MapFirstView {
  const kept = new Set<number>()
  for (let i = 0; i < Math.min(listed, talks.length); i++) kept.add(i)
  for (const zoom of preview.zooms) for (const item of zoom) if (item.length === 1) kept.add(item[0])
  if (kept.size === talks.length) return { v: 1, complete: true, ...encodeMapData(talks, config) }
  const blank = (t: TalkInput): TalkInput => ({
    _id: '',
    title: '',
    startsAt: talks[0]!.startsAt,
    venueName: '',
    venueType: 'enterprise',
    prefecture: '',
    status: 'planned',
    speakers: [],
    ...(t.location ? { location: { lat: 0, lng: 0 } } : {}),
  })
  const { points, text } = encodeMapData(
    talks.map((t, i) => (kept.has(i) ? t : blank(t))),
    config,
  )
  for (const key of TEXT_COLUMNS) text[key] = text[key].map((value, i) => (kept.has(i) ? value : ''))
  return { v: 1, complete: false, points: { ...points, preview }, text }
}
