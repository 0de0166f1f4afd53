import { describe, expect, it } from 'vitest'
import { siteMapGroups, SITE_MAP_ITEM_LIMIT } from './siteMap'

const ORDER = ['lanzhou', 'jiayuguan', 'jinchang', 'baiyin']

/** n documents spread over `keys` unevenly (deterministic), with an id each. */
function documents(n: number, keys: string[]) {
  return Array.from({ length: n }, (_, i) => ({ id: `doc-${i}`, key: keys[(i * i + 3 * i) % keys.length]! }))
}

describe('siteMapGroups', () => {
  for (const n of [0, 1, 7, SITE_MAP_ITEM_LIMIT, SITE_MAP_ITEM_LIMIT + 1, 200 * 213]) {
    it(`groups ${n} documents without losing or repeating any, and lists them only while few`, () => {
      const keys = [...ORDER, 'other', '2019', '2024']
      const docs = documents(n, keys)
      const groups = siteMapGroups(docs, (d) => d.key, { order: ORDER })
      expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(n)
      expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length)
      for (const g of groups) expect(g.count).toBe(docs.filter((d) => d.key === g.key).length)
      if (n <= SITE_MAP_ITEM_LIMIT) {
        expect(groups.flatMap((g) => g.items!.map((d) => d.id)).sort()).toEqual(docs.map((d) => d.id).sort())
      } else {
        // The page stays bounded: one heading per group, no document links.
        expect(groups.every((g) => g.items === undefined)).toBe(true)
        expect(groups.length).toBeLessThanOrEqual(keys.length)
      }
    })
  }

  it('puts the given order first, then other keys newest (highest) first', () => {
    const docs = ['2021', 'baiyin', '2025', 'lanzhou', 'zzz', '2023'].map((key) => ({ key }))
    expect(siteMapGroups(docs, (d) => d.key, { order: ORDER }).map((g) => g.key)).toEqual([
      'lanzhou',
      'baiyin',
      'zzz',
      '2025',
      '2023',
      '2021',
    ])
  })

  it('keeps the documents’ own order inside a group and honours a custom limit', () => {
    const docs = documents(30, ['a', 'b'])
    const groups = siteMapGroups(docs, (d) => d.key, { limit: 30 })
    for (const g of groups) expect(g.items).toEqual(docs.filter((d) => d.key === g.key))
    expect(siteMapGroups(docs, (d) => d.key, { limit: 29 }).every((g) => !g.items)).toBe(true)
  })
})
