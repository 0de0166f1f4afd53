import { describe, expect, it } from 'vitest'
import { MAP_MIN_ZOOM } from '#domain/map/baseLayers'
import { talkClusters } from './clusters'
import { checkMapText, decodeMapPoints, encodeMapData, talkAt } from './data'
import { encodeFirstView } from './firstView'
import { firstViewPreview, PREVIEW_ZOOMS } from './preview'
import { filterTalks } from './state'
import { generateTalks } from './testTalks'

const CONFIG = { provider: 'bundled' } as const

/** All talks' data and the first view of generated talks, both sent through JSON as the page gets them. */
function both(seed: number, n: number, listed: number) {
  const talks = generateTalks(seed, n)
  const { points, text } = encodeMapData(talks, CONFIG)
  points.preview = firstViewPreview(points, CONFIG)
  const columns = decodeMapPoints(JSON.parse(JSON.stringify(points)))
  const fullText = checkMapText(JSON.parse(JSON.stringify(text)), columns)
  const view = encodeFirstView(talks, CONFIG, points.preview, listed)
  const first = decodeMapPoints(JSON.parse(JSON.stringify(view.points)))
  const firstText = checkMapText(JSON.parse(JSON.stringify(view.text)), first)
  /** The talks the first view keeps: the list's first page and the preview's lone talks. */
  const kept = new Set([...Array(Math.min(listed, n)).keys()])
  for (const zoom of points.preview.zooms) for (const item of zoom) if (item.length === 1) kept.add(item[0])
  return { talks, columns, fullText, view, first, firstText, kept }
}

describe('the first view', () => {
  it('gives every talk it keeps exactly as all talks’ data does, at the same index', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { columns, fullText, first, firstText, kept } = both(seed, 20 + seed * 37, 1 + (seed % 5) * 30)
      expect(first.size).toBe(columns.size)
      for (const i of kept) expect(talkAt(first, firstText, i)).toEqual(talkAt(columns, fullText, i))
    }
  })

  it('is all talks’ data, without a preview, when the list’s first page holds every talk', () => {
    const { columns, fullText, view, first, firstText } = both(8, 120, 250)
    expect(view.complete).toBe(true)
    expect(first).toEqual({ ...columns, preview: undefined })
    expect(firstText).toEqual(fullText)
  })

  it('keeps the list’s first page and every talk the preview shows alone, and blanks the rest', () => {
    const { view, firstText, kept } = both(3, 400, 50)
    expect(view.complete).toBe(false)
    for (let i = 0; i < 50; i++) expect(kept.has(i)).toBe(true)
    expect(kept.size).toBeLessThan(400)
    firstText.ids.forEach((id, i) => expect(id === '').toBe(!kept.has(i)))
    expect(firstText.titles.filter((t) => t !== '')).toHaveLength(kept.size)
  })

  it('counts the located talks as all talks’ data does, so the island draws from the preview', () => {
    for (let seed = 20; seed <= 26; seed++) {
      const { columns, first } = both(seed, 300, 40)
      const located = (c: typeof columns) => c.lat.filter((x) => !Number.isNaN(x)).length
      expect(located(first)).toBe(located(columns))
      const clusters = talkClusters({ minZoom: MAP_MIN_ZOOM, maxZoom: 12 }, first)
      clusters.load(filterTalks(first, {}), first.preview)
      const world: [number, number, number, number] = [-180, -90, 180, 90]
      expect(clusters.view(world, PREVIEW_ZOOMS[0]).length).toBeGreaterThan(0)
      expect(clusters.indexed).toBe(false)
    }
  })

  it('stays small when the talks grow: its gzip size follows the list’s page, not the talks', async () => {
    const { gzipSync } = await import('node:zlib')
    const size = (n: number) => gzipSync(JSON.stringify(both(5, n, 250).view)).length
    expect(size(6000)).toBeLessThan(size(1500) * 1.3)
  })
})
