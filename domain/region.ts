/**
 * The region the platform serves, behind one interface: its prefectures and counties, bounds,
 * and lookups. Everything else (Studio validation and options, site filters, map labels, the
 * gazetteer) reads the region from here, `./region/outline.ts` and `./region/seats.ts`.
 *
 * Another province is data, not code: add `domain/region/<name>/` with the same files as
 * `region/gansu/` (prefectures.ts, outline.ts from its generator, seats.ts) and point the three
 * imports marked "the region's data" at it.
 */
import { GANSU } from './region/gansu/prefectures.ts' // the region's data
import type { Prefecture, RegionData } from './region/types.ts'

export type { Bounds, County, Prefecture, RegionData, Seat } from './region/types.ts'

export const REGION: RegionData = GANSU

export const PREFECTURES: Prefecture[] = REGION.prefectures

export const PREFECTURE_NAMES: string[] = PREFECTURES.map((p) => p.name)

export function findPrefecture(name: string | undefined | null): Prefecture | undefined {
  return PREFECTURES.find((p) => p.name === name)
}

export const REGION_BOUNDS = REGION.bounds

export function isInRegionBounds(lat: number, lng: number): boolean {
  const b = REGION_BOUNDS
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng
}
