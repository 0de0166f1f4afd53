/**
 * Build-time projection of Gansu onto a small SVG (for MiniMap): equirectangular, scaled by
 * cos(mid-latitude) so the province keeps its shape. No Leaflet.
 */
import type { Position } from 'geojson'
import { REGION_OUTLINE } from '#domain/region/outline'

const rings: Position[][] =
  REGION_OUTLINE.geometry.type === 'Polygon'
    ? REGION_OUTLINE.geometry.coordinates
    : REGION_OUTLINE.geometry.coordinates.flat()

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

// Every talk and profile page draws the same mini map: project once per size, not once per page.
const projections = new Map<string, Projection>()
const paths = new WeakMap<Projection, string>()

export function gansuProjection(width = 240, pad = 6): Projection {
  const key = `${width}/${pad}`
  let projection = projections.get(key)
  if (!projection) projections.set(key, (projection = makeProjection(width, pad)))
  return projection
}

function makeProjection(width: number, pad: number): Projection {
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
  let d = paths.get(projection)
  if (d === undefined) paths.set(projection, (d = tracePath(projection)))
  return d
}

function tracePath(projection: Projection): string {
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
