/**
 * The map's first view as one small file: what /map/ (no query) needs to draw its markers and its
 * list's first page, whatever the number of talks. All talks' points and text (`./data`) come only
 * when the reader does something that needs them (filters, zooms, scrolls the list): at 200× the
 * sample they are ~275 KB gzip, the first view ~10 KB (docs/performance.md, "Map at 200×").
 *
 * It carries the clusters of the first view (`./preview`), the talks of the list's first page and
 * the talks the preview shows alone (their points and text, encoded as `./data` encodes all talks),
 * and which talks have no location (so the preview's count of located talks can be checked).
 * `expandFirstView` spreads them into columns and text of the full size: a talk's index is the same
 * as in the full data, so markers, list items and popups made now stay valid when it arrives.
 *
 * Pure: no Astro, no Leaflet, no DOM.
 */
import type { MapConfig } from '#domain/map/providers'
import { decodeMapPoints, encodeMapData, type MapColumns, type MapPoints, type MapText, type TalkInput } from './data'
import type { ClusterPreview } from './types'

export interface MapFirstView {
  v: 1
  /** Number of talks in the full data. */
  size: number
  /**
   * The full data's indices of the talks carried, ascending; absent when it carries every talk (a
   * small dataset): the file is then all talks' data and nothing more is fetched.
   */
  rows?: number[]
  /** The full data's indices of the talks without a location (absent with `rows`). */
  unplaced?: number[]
  /** The carried talks (in the order of `rows`), with tables of their own. */
  points: MapPoints
  text: MapText
  preview: ClusterPreview
}

/** `talks` newest first, as the full data; `listed` talks from the top are carried for the list. */
export function encodeFirstView(
  talks: TalkInput[],
  config: MapConfig,
  preview: ClusterPreview,
  listed: number,
): MapFirstView {
  const carried = new Set<number>()
  for (let i = 0; i < Math.min(listed, talks.length); i++) carried.add(i)
  for (const zoom of preview.zooms) for (const item of zoom) if (item.length === 1) carried.add(item[0])
  const rows = [...carried].sort((a, b) => a - b)
  const { points, text } = encodeMapData(
    rows.map((i) => talks[i]!),
    config,
  )
  if (rows.length === talks.length) return { v: 1, size: talks.length, points, text, preview }
  const unplaced = talks.flatMap((t, i) => (t.location ? [] : [i]))
  return { v: 1, size: talks.length, rows, unplaced, points, text, preview }
}

/**
 * Columns and text of the full size from the first view. Talks not carried have no text, no
 * speakers and a stand-in position (0, 0): enough to count them as located, never shown.
 */
export function expandFirstView(view: MapFirstView): { columns: MapColumns; text: MapText; complete: boolean } {
  if (view?.v !== 1 || !view.points) throw new Error('map first view: unknown format (expected v 1)')
  const sub = decodeMapPoints(view.points)
  if (!view.rows) return { columns: { ...sub, preview: view.preview }, text: view.text, complete: true }
  const n = view.size
  const c: MapColumns = {
    config: sub.config,
    size: n,
    prefectures: sub.prefectures,
    workers: sub.workers,
    tours: sub.tours,
    type: new Uint8Array(n),
    status: new Uint8Array(n),
    year: new Uint16Array(n),
    prefecture: new Uint32Array(n),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
    speakerStart: new Uint32Array(n + 1),
    speakers: new Uint32Array(sub.speakers.length),
    tour: new Int32Array(n).fill(-1),
    preview: view.preview,
  }
  for (const i of view.unplaced ?? []) c.lat[i] = c.lng[i] = NaN
  const blank = () => new Array<string>(n).fill('')
  const text: MapText = {
    ...view.text,
    ids: blank(),
    titles: blank(),
    startsAt: blank(),
    venues: blank(),
    counties: blank(),
  }
  const rowOf = new Int32Array(n).fill(-1)
  view.rows.forEach((i, k) => (rowOf[i] = k))
  let s = 0
  for (let i = 0; i < n; i++) {
    const k = rowOf[i]!
    if (k >= 0) {
      c.type[i] = sub.type[k]!
      c.status[i] = sub.status[k]!
      c.year[i] = sub.year[k]!
      c.prefecture[i] = sub.prefecture[k]!
      c.lat[i] = sub.lat[k]!
      c.lng[i] = sub.lng[k]!
      c.tour[i] = sub.tour[k]!
      for (let j = sub.speakerStart[k]!; j < sub.speakerStart[k + 1]!; j++) c.speakers[s++] = sub.speakers[j]!
      for (const key of ['ids', 'titles', 'startsAt', 'venues', 'counties'] as const) text[key][i] = view.text[key][k]!
    }
    c.speakerStart[i + 1] = s
  }
  return { columns: c, text, complete: false }
}
