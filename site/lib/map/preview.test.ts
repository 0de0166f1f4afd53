import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { MAP_MIN_ZOOM } from '#domain/map/baseLayers'
import { talkClusters } from './clusters'
import { decodeMapPoints, encodeMapData, type TalkInput } from './data'
import { firstViewPreview, PREVIEW_ZOOMS } from './preview'

/** `n` talks within ~100 m of a place, and one talk with no location. */
function talksAt(place: { lat: number; lng: number }, n: number): TalkInput[] {
  const located = Array.from({ length: n }, (_, k) => ({
    _id: `talk-${k}`,
    title: `报告会 ${k}`,
    startsAt: '2026-05-01T02:00:00Z',
    venueName: '兰州石化',
    venueType: 'enterprise' as const,
    prefecture: '兰州市',
    status: 'held' as const,
    location: { lat: place.lat + (k % 7) / 10_000, lng: place.lng + (k % 5) / 10_000 },
    speakers: [{ slug: 'li-si', name: '李四' }],
  }))
  return [...located, { ...located[0]!, _id: 'talk-nowhere', location: undefined }]
}

const lanzhou = { lat: 36.06, lng: 103.83 }

describe('firstViewPreview', () => {
  it('holds, for the bundled layer, the clusters the island’s own index gives at the first view’s zooms', () => {
    const { points } = encodeMapData(talksAt(lanzhou, 40), { provider: 'bundled' })
    const preview = firstViewPreview(points, { provider: 'bundled' })
    expect(preview).toMatchObject({ minZoom: MAP_MIN_ZOOM, maxZoom: 12, from: PREVIEW_ZOOMS[0] })
    // Lanzhou's 40 located talks are one cluster at every zoom the preview covers; the talk with no location is left out.
    for (const zoom of preview.zooms) {
      expect(zoom).toHaveLength(1)
      expect(zoom[0]![1]).toBe(40)
    }
    const columns = decodeMapPoints(JSON.parse(JSON.stringify(points)))
    const island = talkClusters({ minZoom: MAP_MIN_ZOOM, maxZoom: 12 }, columns)
    island.load(Array.from({ length: columns.size }, (_, i) => i))
    const [cluster] = island.view([-180, -90, 180, 90], PREVIEW_ZOOMS[0])
    expect(cluster).toMatchObject({ kind: 'cluster', id: preview.zooms[0]![0]![0], count: 40 })
  })

  it('shifts the talks into GCJ-02 for Gaode, as the island does, with Gaode’s top zoom', () => {
    const input = talksAt(lanzhou, 40)
    const { points } = encodeMapData(input, { provider: 'gaode' })
    const preview = firstViewPreview(points, { provider: 'gaode' })
    expect(preview.maxZoom).toBe(18)
    const [, count, lng, lat] = preview.zooms[0]![0] as [number, number, number, number]
    expect(count).toBe(40)
    // The cluster sits at the middle of its talks as Gaode's tiles draw them (GCJ-02), not as stored (WGS84).
    const middle = (points: number[][]) => [0, 1].map((k) => points.reduce((sum, p) => sum + p[k]!, 0) / points.length)
    const stored = input.flatMap((t) => (t.location ? [[t.location.lng, t.location.lat]] : []))
    const [wgsLng, wgsLat] = middle(stored)
    const [gcjLng, gcjLat] = middle(
      stored.map((p) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02)),
    )
    expect(Math.hypot(lng - gcjLng!, lat - gcjLat!)).toBeLessThan(0.0002)
    expect(Math.hypot(lng - wgsLng!, lat - wgsLat!)).toBeGreaterThan(0.002)
  })
})
