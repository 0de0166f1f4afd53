import { describe, expect, it } from 'vitest'
import { overlaps, placeLabels, type Box } from './declutter.ts'

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
})

describe('overlaps', () => {
  it('is true for shared area only, either way round', () => {
    expect(overlaps(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBe(true)
    expect(overlaps(box(5, 5, 10, 10), box(0, 0, 10, 10))).toBe(true)
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(false)
    expect(overlaps(box(0, 0, 10, 10), box(0, 11, 10, 10))).toBe(false)
    expect(overlaps(box(0, 0, 30, 30), box(10, 10, 2, 2))).toBe(true)
  })
})

describe('placeLabels', () => {
  it('keeps a free label in its first place, moves a covered one to the next, hides one with no free place', () => {
    const free = { places: [box(200, 0, 40, 16), box(160, 0, 40, 16)], rank: 2 }
    const moved = { places: [box(0, 0, 40, 16), box(-40, 0, 40, 16)], rank: 0 }
    const hidden = { places: [box(100, 0, 40, 16), box(60, 0, 40, 16)], rank: 1 }
    const obstacles = [box(30, 5, 20, 20), box(80, 0, 50, 20)]
    expect(placeLabels([free, moved, hidden], obstacles)).toEqual([0, 1, -1])
    expect(placeLabels([free, moved, hidden], [])).toEqual([0, 0, 0])
  })

  it('lets the lower rank go first between overlapping labels, whatever their order', () => {
    const a = { places: [box(0, 0, 40, 16)], rank: 5 }
    const b = { places: [box(20, 8, 40, 16)], rank: 1 }
    expect(placeLabels([a, b], [])).toEqual([-1, 0])
    expect(placeLabels([b, a], [])).toEqual([0, -1])
  })

  it('lets a label yield only to labels that are shown', () => {
    // The first is under an obstacle in both places, so the second (overlapping only the first) shows.
    const labels = [
      { places: [box(0, 0, 40, 16)], rank: 0 },
      { places: [box(30, 0, 40, 16)], rank: 1 },
    ]
    expect(placeLabels(labels, [box(0, 0, 10, 10)])).toEqual([-1, 0])
  })

  it('leaves no two shown labels overlapping, nor any on an obstacle; each hidden one had no free place', () => {
    // A dense field of labels, each with a right and a left place, and a few obstacles (deterministic).
    const labels = Array.from({ length: 60 }, (_, i) => {
      const [x, y] = [(i * 37) % 300, (i * 53) % 200]
      return { places: [box(x, y, 48, 16), box(x - 41, y, 48, 16)], rank: i % 7 }
    })
    const obstacles = [box(50, 50, 40, 40), box(200, 120, 46, 46)]
    const chosen = placeLabels(labels, obstacles)
    const kept = labels.flatMap((l, i) => (chosen[i]! >= 0 ? [l.places[chosen[i]!]!] : []))
    expect(kept.length).toBeGreaterThan(0)
    expect(chosen.some((c) => c === 1)).toBe(true)
    for (const [i, a] of kept.entries()) {
      expect(obstacles.some((o) => overlaps(a, o))).toBe(false)
      for (const b of kept.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
    labels.forEach((l, i) => {
      if (chosen[i] === -1)
        for (const place of l.places) expect([...obstacles, ...kept].some((o) => overlaps(place, o))).toBe(true)
    })
  })
})
