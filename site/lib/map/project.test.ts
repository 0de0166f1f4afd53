import { describe, expect, it } from 'vitest'
import { findPrefecture } from '#domain/region'
import { gansuProjection, outlinePath } from './project'

describe('mini-map projection', () => {
  it('puts Gansu inside the SVG, north up, west left', () => {
    const p = gansuProjection(240)
    const dunhuang = p.project(40.142, 94.662)
    const lanzhou = p.project(findPrefecture('兰州市')!.lat, findPrefecture('兰州市')!.lng)
    const longnan = p.project(findPrefecture('陇南市')!.lat, findPrefecture('陇南市')!.lng)
    for (const [x, y] of [dunhuang, lanzhou, longnan]) {
      expect(x).toBeGreaterThan(0)
      expect(x).toBeLessThan(p.width)
      expect(y).toBeGreaterThan(0)
      expect(y).toBeLessThan(p.height)
    }
    expect(dunhuang[0]).toBeLessThan(lanzhou[0])
    expect(dunhuang[1]).toBeLessThan(longnan[1])
    expect(outlinePath(p)).toMatch(/^M[\d.]+ [\d.]+L.*Z$/)
  })
})
