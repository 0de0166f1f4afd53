/**
 * Gansu's outline as one SVG path in Web Mercator, for a Leaflet `svgOverlay`: the browser scales
 * a single element on every zoom instead of Leaflet projecting and clipping each vertex in script
 * (which cost a phone ~300 ms on the map's first view). Pure: no Leaflet, no DOM.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { LatLng } from './providers.ts'

/** Web Mercator's y for a latitude, in degree-like units (x is the longitude itself). */
export function mercatorY(lat: number): number {
  return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
}

/** viewBox units per degree: integers (cheap to print) at 0.001°, finer than the outline's 0.01°. */
const UNITS = 1000

export interface OutlineSvg {
  /** Path data in viewBox units (x = longitude, y = -mercatorY(latitude), × 1000); rings close with Z. */
  d: string
  /** `minX minY width height`, the extent of the path. */
  viewBox: string
  /** The extent as latitudes and longitudes: where the overlay is placed. */
  south: number
  west: number
  north: number
  east: number
}

const units = (n: number) => Math.round(n * UNITS)

/** `shift` moves each vertex into the display datum (the identity for WGS84). */
export function outlineSvg(
  feature: Feature<Polygon | MultiPolygon>,
  shift: (point: LatLng) => LatLng = (point) => point,
): OutlineSvg {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
  let south = Infinity
  let west = Infinity
  let north = -Infinity
  let east = -Infinity
  let d = ''
  for (const ring of polygons.flat()) {
    ring.forEach(([lng, lat], k) => {
      const p = shift({ lat: lat!, lng: lng! })
      south = Math.min(south, p.lat)
      north = Math.max(north, p.lat)
      west = Math.min(west, p.lng)
      east = Math.max(east, p.lng)
      d += `${k ? 'L' : 'M'}${units(p.lng)} ${units(-mercatorY(p.lat))}`
    })
    d += 'Z'
  }
  const top = units(-mercatorY(north))
  const viewBox = `${units(west)} ${top} ${units(east) - units(west)} ${units(-mercatorY(south)) - top}`
  return { d, viewBox, south, west, north, east }
}
