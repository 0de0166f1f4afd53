/**
 * Datum conversion between what is stored (WGS84) and what tiles are drawn in (GCJ-02 for Gaode).
 * The only module that imports gcoord: the public map imports it lazily, and only for Gaode.
 */
import gcoord from 'gcoord'
import type { LatLng, ProviderSpec } from './providers.ts'

/** WGS84 (stored) → the datum the tiles are drawn in. */
export function toDisplay(point: LatLng, spec: Pick<ProviderSpec, 'datum'>): LatLng {
  if (spec.datum === 'WGS84') return point
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02)
  return { lat: lat!, lng: lng! }
}

/** A point picked on the map → WGS84 for storage. */
export function fromDisplay(point: LatLng, spec: Pick<ProviderSpec, 'datum'>): LatLng {
  if (spec.datum === 'WGS84') return point
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84)
  return { lat: lat!, lng: lng! }
}
