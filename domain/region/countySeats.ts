/**
 * Every county seat of Gansu, for the bundled base layer once zoomed in (`COUNTY_SEAT_ZOOM`).
 * Loaded with a dynamic import: the county table stays out of the map's first download.
 */
import { PREFECTURES } from '../region.ts'

export const COUNTY_SEATS: readonly (readonly [name: string, lat: number, lng: number])[] = PREFECTURES.flatMap((p) =>
  p.counties.map((c) => [c.name, c.lat, c.lng] as const),
)
