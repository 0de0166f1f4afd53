import { describe, expect, it } from 'vitest'
import { clusterLabel, clusterSize, spreadOffsets, talkClusters } from './clusters'
import { PREVIEW_ZOOMS, previewOf } from './preview'
import type { DisplayPositions, ViewItem } from './types'

const GANSU: [number, number, number, number] = [92, 32, 109, 43]
const lanzhou = { lat: 36.06, lng: 103.83 }
const jiuquan = { lat: 39.73, lng: 98.49 }

interface TalkPoint {
  index: number
  position: { lat: number; lng: number }
}

/** `n` talks scattered within ~0.01° of a centre, indices from `first`. */
function around(centre: { lat: number; lng: number }, n: number, first = 0): TalkPoint[] {
  return Array.from({ length: n }, (_, k) => ({
    index: first + k,
    position: { lat: centre.lat + ((k * 37) % 100) / 10_000, lng: centre.lng + ((k * 61) % 100) / 10_000 },
  }))
}

/** Position columns for these talks, NaN for the indices between them (talks without a location). */
function columnsOf(points: TalkPoint[]): DisplayPositions {
  const size = Math.max(...points.map((p) => p.index)) + 1
  const lat = new Float64Array(size).fill(Number.NaN)
  const lng = new Float64Array(size).fill(Number.NaN)
  for (const p of points) {
    lat[p.index] = p.position.lat
    lng[p.index] = p.position.lng
  }
  return { lat, lng }
}

const indicesOf = (points: TalkPoint[]) => points.map((p) => p.index)

describe('talkClusters', () => {
  const points = [...around(lanzhou, 30), ...around(jiuquan, 5, 30)]
  const clusters = talkClusters({ minZoom: 4, maxZoom: 12 }, columnsOf(points))
  clusters.load(indicesOf(points))

  it('shows the whole province as one cluster per city, with every talk counted once', () => {
    const view = clusters.view(GANSU, 5)
    expect(view.map((v) => v.kind)).toEqual(['cluster', 'cluster'])
    expect(view.map((v) => (v.kind === 'cluster' ? v.count : 0)).sort((a, b) => a - b)).toEqual([5, 30])
    const big = view.find((v) => v.kind === 'cluster' && v.count === 30)!
    expect(big.position.lat).toBeCloseTo(lanzhou.lat, 1)
    if (big.kind !== 'cluster') throw new Error('cluster expected')
    expect(clusters.leaves(big.id).sort((a, b) => a - b)).toEqual(points.slice(0, 30).map((p) => p.index))
  })

  it('splits a cluster at its expansion zoom and shows every talk alone at the top zoom, at its own position', () => {
    const [first] = clusters.view(GANSU, 5).filter((v) => v.kind === 'cluster')
    if (first?.kind !== 'cluster') throw new Error('cluster expected')
    const zoom = clusters.expansionZoom(first.id)
    expect(zoom).toBeGreaterThan(5)
    expect(zoom).toBeLessThanOrEqual(12)
    expect(clusters.view(GANSU, zoom).length).toBeGreaterThan(2)
    const top = clusters.view(GANSU, 12)
    expect(top.every((v) => v.kind === 'talk')).toBe(true)
    expect(top.length).toBe(points.length)
    const t = top.find((v) => v.kind === 'talk' && v.index === 7)!
    expect(t.position).toEqual(points[7]!.position)
  })

  it('only shows what lies inside the bounds', () => {
    const west = clusters.view([95, 38, 100, 41], 5)
    expect(west).toHaveLength(1)
    expect(west[0]!.kind === 'cluster' && west[0]!.count).toBe(5)
  })

  it('knows the zoom at which a talk stands alone, never above the top zoom', () => {
    for (const p of [points[0]!, points[31]!]) {
      const z = clusters.zoomToShow(p.index)
      expect(z).toBeGreaterThan(4)
      expect(z).toBeLessThanOrEqual(12)
      const shown = clusters.view(GANSU, z).some((v) => v.kind === 'talk' && v.index === p.index)
      expect(shown).toBe(true)
      if (z > 4) expect(clusters.view(GANSU, z - 1).some((v) => v.kind === 'talk' && v.index === p.index)).toBe(false)
    }
  })

  it('keeps talks at one venue together below the top zoom, and on a ring around it at the top zoom', () => {
    const venue = talkClusters(
      { minZoom: 4, maxZoom: 12 },
      columnsOf([0, 1, 2].map((index) => ({ index, position: lanzhou }))),
    )
    venue.load([0, 1, 2])
    expect(venue.view(GANSU, 11)).toHaveLength(1)
    expect(venue.zoomToShow(1)).toBe(12)
    const top = venue.view(GANSU, 12)
    expect(top.map((v) => v.kind === 'talk' && v.index).sort()).toEqual([0, 1, 2])
    const rings = top.map((v) => (v.kind === 'talk' ? v.ring : undefined))
    for (const r of rings) {
      expect(r!.centre.lat).toBeCloseTo(lanzhou.lat, 4)
      expect(r!.centre.lng).toBeCloseTo(lanzhou.lng, 4)
    }
    expect(rings.map((r) => r!.offset)).toEqual(spreadOffsets(3))
    // Their own position stays the venue's.
    expect(top.every((v) => v.position.lat === lanzhou.lat)).toBe(true)
  })

  it('replaces the talks on each load (a new filter), and has() and indices() follow', () => {
    const c = talkClusters({ minZoom: 4, maxZoom: 12 }, columnsOf(points))
    c.load(indicesOf(points))
    c.load(indicesOf(points.slice(30)))
    expect(c.indices()).toEqual([30, 31, 32, 33, 34])
    expect(c.has(0)).toBe(false)
    expect(c.has(30)).toBe(true)
    expect(c.view(GANSU, 5).map((v) => (v.kind === 'cluster' ? v.count : 1))).toEqual([5])
    c.load([])
    expect(c.view(GANSU, 5)).toEqual([])
  })

  it('leaves out talks without a location, and counts a talk listed twice once', () => {
    const withGap = [...around(lanzhou, 3), ...around(jiuquan, 2, 5)] // indices 3 and 4 have no location
    const c = talkClusters({ minZoom: 4, maxZoom: 12 }, columnsOf(withGap))
    c.load([0, 1, 2, 3, 4, 5, 6, 0])
    expect(c.indices()).toEqual([0, 1, 2, 5, 6])
    expect(c.has(3)).toBe(false)
    expect(c.positionOf(3)).toBeUndefined()
    expect(c.positionOf(5)).toEqual(withGap[3]!.position)
    expect(c.view(GANSU, 12)).toHaveLength(5)
  })
})

describe('ClusterPreview', () => {
  /** `n` talks spread over Gansu (deterministic), indices from `first`. */
  const scattered = (n: number, first: number): TalkPoint[] =>
    Array.from({ length: n }, (_, k) => ({
      index: first + k,
      position: { lat: 33 + ((k * 7919) % 1000) / 100, lng: 93 + ((k * 104_729) % 1500) / 100 },
    }))
  const talks = [...around(lanzhou, 300), ...around(jiuquan, 40, 300), ...scattered(600, 340)]
  const options = { minZoom: 4, maxZoom: 12 }
  /** A preview as the page receives it: made at build time, through JSON. */
  const shipped = () => {
    const made = talkClusters(options, columnsOf(talks))
    made.load(indicesOf(talks))
    return JSON.parse(JSON.stringify(previewOf(made, PREVIEW_ZOOMS))) as ReturnType<typeof previewOf>
  }
  /** Items in a form where a cluster's position is compared to a millionth of a degree (the preview's). */
  const comparable = (items: ViewItem[]) =>
    items.map((v) =>
      v.kind === 'talk'
        ? ['talk', v.index, v.position.lat, v.position.lng]
        : ['cluster', v.id, v.count, Math.round(v.position.lat * 1e6), Math.round(v.position.lng * 1e6)],
    )

  it('gives, at every zoom it covers, the view the index gives, and the index is built only when a view needs it', () => {
    const preview = shipped()
    expect(preview.zooms).toHaveLength(PREVIEW_ZOOMS[1] - PREVIEW_ZOOMS[0] + 1)
    const live = talkClusters(options, columnsOf(talks))
    live.load(indicesOf(talks))
    const drawn = talkClusters(options, columnsOf(talks))
    drawn.load(indicesOf(talks), preview)
    const views: [number, number, number, number][] = [GANSU, [100, 34, 106, 38], [96, 38.5, 99, 41]]
    let clustered = 0
    for (let zoom = PREVIEW_ZOOMS[0]; zoom < PREVIEW_ZOOMS[1] + 1; zoom += 0.5)
      for (const bounds of views) {
        const expected = live.view(bounds, zoom)
        clustered += expected.filter((v) => v.kind === 'cluster').length
        expect(comparable(drawn.view(bounds, zoom))).toEqual(comparable(expected))
      }
    expect(clustered).toBeGreaterThan(20)
    expect(drawn.indexed).toBe(false)
    // Past the preview's zooms the index is built, and the ids the preview gave are the index's.
    const [cluster] = drawn.view(GANSU, 5).filter((v) => v.kind === 'cluster')
    if (cluster?.kind !== 'cluster') throw new Error('cluster expected')
    expect(drawn.view(GANSU, 10).length).toBeGreaterThan(0)
    expect(drawn.indexed).toBe(true)
    expect(drawn.leaves(cluster.id)).toHaveLength(cluster.count)
    expect(drawn.expansionZoom(cluster.id)).toBe(live.expansionZoom(cluster.id))
  })

  it('builds the index for a question only the index answers (a cluster’s talks, a talk’s zoom)', () => {
    const drawn = talkClusters(options, columnsOf(talks))
    drawn.load(indicesOf(talks), shipped())
    expect(drawn.zoomToShow(0)).toBeGreaterThan(4)
    expect(drawn.indexed).toBe(true)
  })

  it('is ignored for another zoom range or a filter’s talks, and dropped by the next load', () => {
    const other = talkClusters({ minZoom: 4, maxZoom: 18 }, columnsOf(talks))
    other.load(indicesOf(talks), shipped())
    expect(other.view(GANSU, 6).length).toBeGreaterThan(0)
    expect(other.indexed).toBe(true)
    const refiltered = talkClusters(options, columnsOf(talks))
    refiltered.load(indicesOf(talks), shipped())
    refiltered.load(indicesOf(talks.slice(300, 340)))
    expect(refiltered.view(GANSU, 6).reduce((n, v) => n + (v.kind === 'cluster' ? v.count : 1), 0)).toBe(40)
    expect(refiltered.indexed).toBe(true)
    // A filter's talks with the preview of all: the index answers.
    const filtered = talkClusters(options, columnsOf(talks))
    filtered.load(indicesOf(talks.slice(300, 340)), shipped())
    expect(filtered.view(GANSU, 6).reduce((n, v) => n + (v.kind === 'cluster' ? v.count : 1), 0)).toBe(40)
    expect(filtered.indexed).toBe(true)
  })
})

describe('cluster symbols', () => {
  it('sizes by count and writes large counts in 万', () => {
    expect([2, 9, 10, 99, 100, 5000].map(clusterSize)).toEqual(['small', 'small', 'medium', 'medium', 'large', 'large'])
    expect([2, 999, 9999, 10_000, 12_345, 20_000].map(clusterLabel)).toEqual([
      '2',
      '999',
      '9999',
      '1万',
      '1.2万',
      '2万',
    ])
  })
})

describe('spreadOffsets', () => {
  it('leaves a lone marker in place and puts several on a ring where 24 px targets do not overlap', () => {
    expect(spreadOffsets(1)).toEqual([[0, 0]])
    for (const n of [2, 3, 8, 20]) {
      const offsets = spreadOffsets(n)
      expect(offsets).toHaveLength(n)
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) {
          const [ax, ay] = offsets[a]!
          const [bx, by] = offsets[b]!
          expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThanOrEqual(24)
        }
    }
    // The first one sits straight above the venue.
    expect(spreadOffsets(4)[0]).toEqual([0, -28])
  })
})
