import { describe, expect, it } from 'vitest'
import { nearest } from './nearest'

describe('nearest', () => {
  it('picks the closest point, the first of equals, and -1 for none', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 12, y: 10 },
      { x: -5, y: 0 },
      { x: 8, y: 10 },
      { x: 10, y: 14 },
    ]
    expect(nearest(points, { x: 10, y: 10 })).toBe(1)
    expect(nearest(points, { x: 9, y: 10 })).toBe(3)
    expect(nearest(points, { x: -4, y: 1 })).toBe(2)
    expect(nearest(points, { x: 1000, y: 1000 })).toBe(0)
    expect(nearest([], { x: 0, y: 0 })).toBe(-1)
  })
})
