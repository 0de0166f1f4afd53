import { describe, expect, it } from 'vitest'
import { MAP_MIN_ZOOM } from '#domain/map/baseLayers'
import { talkClusters } from './clusters'
import { checkMapText, decodeMapPoints, encodeMapData, talkAt } from './data'
import { encodeFirstView, expandFirstView } from './firstView'
import { firstViewPreview, PREVIEW_ZOOMS } from './preview'
import { filterTalks } from './state'
import { generateTalks } from './testTalks'

const CONFIG = { provider: 'bundled' } as const

/** The full data and the first view of generated talks, both sent through JSON as the page gets them. */
function both(seed: number, n: number, listed: number) {
  const talks = generateTalks(seed, n)
  const { points, text } = encodeMapData(talks, CONFIG)
  points.preview = firstViewPreview(points, CONFIG)
  const columns = decodeMapPoints(JSON.parse(JSON.stringify(points)))
  const fullText = checkMapText(JSON.parse(JSON.stringify(text)), columns)
  const view = JSON.parse(JSON.stringify(encodeFirstView(talks, CONFIG, points.preview, listed)))
  return { talks, columns, fullText, view, first: expandFirstView(view) }
}

describe('the first view', () => {
  it('gives every talk it carries exactly as all talks’ data does, at the same index', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { columns, fullText, view, first } = both(seed, 20 + seed * 37, 1 + (seed % 5) * 30)
      const text = checkMapText(first.text, first.columns)
      expect(first.columns.size).toBe(columns.size)
      const rows = (view.rows as number[] | undefined) ?? [...Array(columns.size).keys()]
      expect(first.complete).toBe(view.rows === undefined)
      for (const i of rows) expect(talkAt(first.columns, text, i)).toEqual(talkAt(columns, fullText, i))
    }
  })

  it('is all talks’ data when the list’s first page holds every talk', () => {
    const { columns, fullText, view, first } = both(8, 120, 250)
    expect(view.rows).toBeUndefined()
    expect(first.complete).toBe(true)
    expect(first.columns).toEqual(columns)
    expect(first.text).toEqual(fullText)
  })

  it('carries the list’s first page and every talk the preview shows alone', () => {
    const { view } = both(3, 400, 50)
    const rows = new Set(view.rows as number[])
    for (let i = 0; i < 50; i++) expect(rows.has(i)).toBe(true)
    for (const zoom of view.preview.zooms)
      for (const item of zoom) if (item.length === 1) expect(rows.has(item[0])).toBe(true)
    expect(rows.size).toBeLessThan(400)
  })

  it('counts the located talks as all talks’ data does, so the island draws from the preview', () => {
    for (let seed = 20; seed <= 26; seed++) {
      const { columns, first } = both(seed, 300, 40)
      const located = (c: typeof columns) => c.lat.filter((x) => !Number.isNaN(x)).length
      expect(located(first.columns)).toBe(located(columns))
      const clusters = talkClusters({ minZoom: MAP_MIN_ZOOM, maxZoom: 12 }, first.columns)
      clusters.load(filterTalks(first.columns, {}), first.columns.preview)
      const world: [number, number, number, number] = [-180, -90, 180, 90]
      expect(clusters.view(world, PREVIEW_ZOOMS[0]).length).toBeGreaterThan(0)
      expect(clusters.indexed).toBe(false)
    }
  })

  it('stays small when the talks grow: its size follows the list’s page and the preview, not the talks', () => {
    const size = (n: number) => JSON.stringify(both(5, n, 250).view).length
    expect(size(6000)).toBeLessThan(size(1500) * 1.5)
  })
})
