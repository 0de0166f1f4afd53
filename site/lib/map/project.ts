/**
 * Build-time projection of Gansu onto a small SVG (for MiniMap): equirectangular, scaled by
 * cos(mid-latitude) so the province keeps its shape. No Leaflet.
 */
import type { Position } from 'geojson'
import { GANSU_OUTLINE } from '../../../studio/lib/map/outline'

const rings: Position[][] =
  GANSU_OUTLINE.geometry.type === 'Polygon'
    ? GANSU_OUTLINE.geometry.coordinates
    : GANSU_OUTLINE.geometry.coordinates.flat()

const lngs = rings.flat().map((p) => p[0]!)
const lats = rings.flat().map((p) => p[1]!)
const box = {
  minLng: Math.min(...lngs),
  maxLng: Math.max(...lngs),
  minLat: Math.min(...lats),
  maxLat: Math.max(...lats),
}
const kx = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180)

export interface Projection {
  width: number
  height: number
  project(lat: number, lng: number): [x: number, y: number]
}

export function gansuProjection(width = 240, pad = 6): Projection {
  const scale = (width - 2 * pad) / ((box.maxLng - box.minLng) * kx)
  const height = Math.ceil((box.maxLat - box.minLat) * scale + 2 * pad)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    width,
    height,
    project: (lat, lng) => [round(pad + (lng - box.minLng) * kx * scale), round(pad + (box.maxLat - lat) * scale)],
  }
}

/** The outline as an SVG path `d`. */
export function outlinePath(projection: Projection): string {
  return rings
    .map(
      (ring) =>
        ring
          .map((p, i) => {
            const [x, y] = projection.project(p[1]!, p[0]!)
            return `${i ? 'L' : 'M'}${x} ${y}`
          })
          .join('') + 'Z',
    )
    .join('')
}
