import { describe, expect, it } from 'vitest'
import type { Feature, Polygon } from 'geojson'
import { REGION_OUTLINE } from '../region/outline.ts'
import { mercatorY, outlineSvg } from './outlineSvg.ts'

const square: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [100, 30],
        [101, 30],
        [101, 40],
        [100, 40],
        [100, 30],
      ],
    ],
  },
}

describe('outline as an SVG path', () => {
  it('uses Web Mercator: y grows with latitude faster than linearly, 0 at the equator', () => {
    expect(mercatorY(0)).toBeCloseTo(0, 10)
    // EPSG:3857 puts 45° N at y = 5,621,521.486 m, on a sphere of radius 6,378,137 m.
    const degrees = (metres: number) => (metres / 6_378_137) * (180 / Math.PI)
    expect(mercatorY(45)).toBeCloseTo(degrees(5_621_521.486), 6)
    expect(mercatorY(-45)).toBeCloseTo(-degrees(5_621_521.486), 6)
  })

  it('draws each ring north up, inside a viewBox that is exactly its extent', () => {
    const svg = outlineSvg(square)
    const y30 = -mercatorY(30)
    const y40 = -mercatorY(40)
    // Integer units of 0.001°.
    const r = (n: number) => Math.round(n * 1000)
    expect(svg.d).toBe(`M100000 ${r(y30)}L101000 ${r(y30)}L101000 ${r(y40)}L100000 ${r(y40)}L100000 ${r(y30)}Z`)
    // North is up: the top of the box is the northern edge.
    expect(svg.viewBox).toBe(`100000 ${r(y40)} 1000 ${r(y30) - r(y40)}`)
    expect(svg).toMatchObject({ south: 30, west: 100, north: 40, east: 101 })
  })

  it('shifts every vertex into the display datum, and the extent with them', () => {
    const svg = outlineSvg(square, (p) => ({ lat: p.lat + 1, lng: p.lng + 2 }))
    expect(svg).toMatchObject({ south: 31, west: 102, north: 41, east: 103 })
    expect(svg.d.startsWith('M102000 ')).toBe(true)
  })

  it('covers Gansu: one closed ring per polygon ring, extent around the province', () => {
    const svg = outlineSvg(REGION_OUTLINE)
    const rings =
      REGION_OUTLINE.geometry.type === 'Polygon'
        ? REGION_OUTLINE.geometry.coordinates
        : REGION_OUTLINE.geometry.coordinates.flat()
    expect(svg.d.match(/Z/g)).toHaveLength(rings.length)
    expect(svg.d.match(/[ML]/g)).toHaveLength(rings.flat().length)
    expect(svg.south).toBeGreaterThan(32)
    expect(svg.north).toBeLessThan(43)
    expect(svg.west).toBeGreaterThan(92)
    expect(svg.east).toBeLessThan(109)
  })
})
