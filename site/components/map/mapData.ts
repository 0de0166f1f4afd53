/**
 * The map island's data: the first view's file (`site/lib/map/firstView.ts`), or the two files of
 * `site/lib/map/data.ts`, fetched at once. Only the points hold up the markers; the text is read
 * (parsed) when the island asks for it, once the first view is drawn, so neither its download nor
 * its parsing delays the markers.
 */
import { effectiveConfig, providerSpec, type LatLng, type ProviderSpec } from '#domain/map/providers'
import { decodeMapPoints, type MapColumns, type MapPoints } from '../../lib/map/data'
import type { MapFirstView } from '../../lib/map/firstView'

/** WGS84 → the tiles' datum. */
export type ToDisplay = (point: LatLng, spec: ProviderSpec) => LatLng

export interface MapData {
  columns: MapColumns
  toDisplay: ToDisplay
  /** The text file's JSON, parsed now (unchecked: `checkMapText` holds it against the points). */
  readText(): Promise<unknown>
}

/** `fetch` that fails on an HTTP error, naming the status and the file. */
export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`map data: ${response.status} ${response.url}`)
  return response
}

/** gcoord is downloaded only when the provider draws in GCJ-02 (Gaode). */
export async function datumShift(spec: ProviderSpec): Promise<ToDisplay> {
  if (spec.datum === 'WGS84') return (point) => point
  const { toDisplay } = await import('#domain/map/datum')
  return toDisplay
}

/** Starts both downloads; resolves when the points are decoded and their datum shift is loaded. */
export async function loadMapData(pointsUrl: string, textUrl: string): Promise<MapData> {
  const textResponse = fetchOk(textUrl)
  // Its failure is reported when the text is read, not as an unhandled rejection before.
  textResponse.catch(() => undefined)
  // text() and JSON.parse: Chromium's Response.json() took half as long again on 20,000 talks.
  const columns = decodeMapPoints(JSON.parse(await (await fetchOk(pointsUrl)).text()) as MapPoints)
  const toDisplay = await datumShift(providerSpec(effectiveConfig(columns.config)))
  return { columns, toDisplay, readText: () => textResponse.then((response) => response.json()) }
}

/** The first view's data: its columns and text stand in for all talks' until they come (if it is not all). */
export async function loadFirstView(url: string): Promise<MapData & { complete: boolean }> {
  // (Its points say if their format is unknown.)
  const view = JSON.parse(await (await fetchOk(url)).text()) as MapFirstView
  const columns = decodeMapPoints(view.points)
  const toDisplay = await datumShift(providerSpec(effectiveConfig(columns.config)))
  return { columns, toDisplay, readText: () => Promise.resolve(view.text), complete: view.complete }
}
