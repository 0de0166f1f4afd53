import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '../gansu'
import { GANSU_OUTLINE, OUTLINE_SOURCE } from './outline'
import { isInGansuOutline } from './inGansu'
import { simplifyRing } from '../../scripts/generate-outline'

const inside = (lng: number, lat: number) => isInGansuOutline(lat, lng)
const rings =
  GANSU_OUTLINE.geometry.type === 'Polygon'
    ? GANSU_OUTLINE.geometry.coordinates
    : GANSU_OUTLINE.geometry.coordinates.flat()

describe('Gansu outline (Natural Earth)', () => {
  it('is closed, compact and names its source', () => {
    for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1])
    const vertices = rings.flat().length
    expect(vertices).toBeGreaterThan(200)
    expect(vertices).toBeLessThan(1500)
    expect(OUTLINE_SOURCE).toContain('Natural Earth')
  })

  it('contains every prefecture and county seat of studio/lib/gansu.ts', () => {
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
