import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '../region.ts'
import { REGION_OUTLINE, OUTLINE_SOURCE } from './outline.ts'
import { isInRegionOutline } from './contains.ts'
import { simplifyRing } from './gansu/generate-outline.ts'

const inside = (lng: number, lat: number) => isInRegionOutline(lat, lng)
const rings =
  REGION_OUTLINE.geometry.type === 'Polygon'
    ? REGION_OUTLINE.geometry.coordinates
    : REGION_OUTLINE.geometry.coordinates.flat()

describe('Gansu outline (Natural Earth)', () => {
  it('is closed, compact and names its source', () => {
    for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1])
    const vertices = rings.flat().length
    expect(vertices).toBeGreaterThan(200)
    expect(vertices).toBeLessThan(1500)
    expect(OUTLINE_SOURCE).toContain('Natural Earth')
  })

  it('contains every prefecture and county seat of domain/region/gansu/prefectures.ts', () => {
    const outside = PREFECTURES.flatMap((p) => [p, ...p.counties]).filter((s) => !inside(s.lng, s.lat))
    expect(outside.map((s) => s.name)).toEqual([])
    expect(inside(116.4, 39.9)).toBe(false) // Beijing
  })

  it('simplifies a ring without losing its corners', () => {
    const ring = [
      [0, 0],
      [0.5, 0.001],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ] as [number, number][]
    expect(simplifyRing(ring, 0.01)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ])
  })
})
