import { REGION_OUTLINE } from './outline.ts'

type Ring = number[][]
const rings: Ring[] =
  REGION_OUTLINE.geometry.type === 'Polygon'
    ? REGION_OUTLINE.geometry.coordinates
    : REGION_OUTLINE.geometry.coordinates.flat()

/**
 * Is a WGS84 point inside Gansu's outline? Even–odd ray casting over all rings. The outline
 * is simplified to ~0.01°, so points within about a kilometre of the border may fall either way.
 */
export function isInRegionOutline(lat: number, lng: number): boolean {
  let hit = false
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi! > lat !== yj! > lat && lng < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) hit = !hit
    }
  return hit
}
