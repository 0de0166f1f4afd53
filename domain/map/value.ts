/**
 * Geopoint values of the Studio's location input: stored in WGS84 (Sanity's `geopoint`), shown
 * on tiles that may be GCJ-02 (Gaode). Pure so the conversion is unit-tested.
 */
import { fromDisplay, toDisplay } from './datum.ts'
import type { LatLng, ProviderSpec } from './providers.ts'

export interface GeopointValue {
  _type?: 'geopoint'
  lat?: number
  lng?: number
  alt?: number
}

/** 6 decimals ≈ 0.1 m: more is noise from a mouse click. */
export const COORDINATE_DECIMALS = 6

const round = (n: number) => Number(n.toFixed(COORDINATE_DECIMALS))

export function isCompletePoint(value: GeopointValue | null | undefined): value is GeopointValue & LatLng {
  return (
    !!value &&
    typeof value.lat === 'number' &&
    typeof value.lng === 'number' &&
    Number.isFinite(value.lat) &&
    Number.isFinite(value.lng)
  )
}

/** Where to draw a stored point on the map's tiles, or null when there is none. */
export function displayPoint(
  value: GeopointValue | null | undefined,
  spec: Pick<ProviderSpec, 'datum'>,
): LatLng | null {
  return isCompletePoint(value) ? toDisplay({ lat: value.lat, lng: value.lng }, spec) : null
}

/** The value to store for a point picked on the map's tiles (converted back to WGS84, rounded). */
export function geopointFromDisplay(
  picked: LatLng,
  spec: Pick<ProviderSpec, 'datum'>,
): { _type: 'geopoint'; lat: number; lng: number } {
  // Leaflet can report longitudes past ±180 after panning round the world.
  const wrapped = { lat: picked.lat, lng: ((((picked.lng + 180) % 360) + 360) % 360) - 180 }
  const wgs = fromDisplay(wrapped, spec)
  return { _type: 'geopoint', lat: round(wgs.lat), lng: round(wgs.lng) }
}

/** "北纬 36.061000°，东经 103.834000°" (south/west named when negative). */
export function formatCoordinates(value: GeopointValue | null | undefined): string {
  if (!isCompletePoint(value)) return '尚未设置位置'
  const lat = `${value.lat >= 0 ? '北纬' : '南纬'} ${Math.abs(value.lat).toFixed(COORDINATE_DECIMALS)}°`
  const lng = `${value.lng >= 0 ? '东经' : '西经'} ${Math.abs(value.lng).toFixed(COORDINATE_DECIMALS)}°`
  return `${lat}，${lng}`
}
