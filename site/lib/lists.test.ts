import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '#domain/region'
import {
  initialOf,
  isSplit,
  LIST_LIMITS,
  newestPhotosFirst,
  OTHER_PREFECTURE,
  pageWindow,
  splitList,
  splitTalks,
  splitWorkers,
  workerPageTitle,
} from './lists'

/** `n` talks, one every `hoursApart` hours back from `start` (UTC), with distinct ids. */
function talks(n: number, start = Date.UTC(2026, 11, 31), hoursApart = 1) {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    startsAt: new Date(start - i * hoursApart * 3_600_000).toISOString(),
  }))
}

/** Every item lands on exactly one page, and no page holds more than the limit. */
function expectPartition<T>(items: readonly T[], pages: { items: T[] }[], limit: number) {
  const placed = pages.flatMap((p) => p.items)
  expect(placed).toHaveLength(items.length)
  expect(new Set(placed).size).toBe(items.length)
  for (const p of pages) expect(p.items.length).toBeLessThanOrEqual(limit)
}

describe('splitList', () => {
  const byTens = (n: number) => String(Math.floor(n / 10))
  it('keeps a list up to its limit on one page, with no keys', () => {
    const items = [1, 2, 3]
    expect(splitList(items, 3, [byTens])).toEqual([{ keys: [], part: 1, parts: 1, items }])
    expect(isSplit(3, 3)).toBe(false)
    expect(isSplit(4, 3)).toBe(true)
  })
  it('goes one level deeper only for the groups above the limit, then cuts into parts', () => {
    const items = [1, 2, 11, 12, 13, 14, 15, 16, 17]
    const pages = splitList(items, 3, [byTens])
    expect(pages.map((p) => [p.keys.join('/'), p.part, p.parts, p.items])).toEqual([
      ['0', 1, 1, [1, 2]],
      ['1', 1, 3, [11, 12, 13]],
      ['1', 2, 3, [14, 15, 16]],
      ['1', 3, 3, [17]],
    ])
  })
})

describe('splitTalks', () => {
  it('files talks by year, and by month only in a year above the limit (China time)', () => {
    // In China time 2026 holds 7 talks (above 5: by month), 2025 holds 4 (one page).
    const list = [
      ...['2026-05-02', '2026-05-01', '2026-04-30T16:30:00Z', '2026-03-03', '2026-03-02', '2026-03-01'],
      ...['2025-12-31T17:00:00Z', '2025-06-01', '2025-05-01', '2025-04-01', '2025-03-01'],
    ].map((d, i) => ({ id: i, startsAt: d.includes('T') ? d : `${d}T04:00:00Z` }))
    const pages = splitTalks(list, 5)
    expect(pages.map((p) => p.keys.join('-'))).toEqual(['2026-05', '2026-03', '2026-01', '2025'])
    // 2026-04-30 16:30 UTC is 1 May in China; 2025-12-31 17:00 UTC is 2026 there.
    expect(pages[0]!.items.map((t) => t.id)).toEqual([0, 1, 2])
    expect(pages[1]!.items.map((t) => t.id)).toEqual([3, 4, 5])
    expect(pages[2]!.items.map((t) => t.id)).toEqual([6])
    expectPartition(list, pages, 5)
  })
  it('at 200× the sample (42,600 talks) puts every talk on one page of at most the limit', () => {
    const list = talks(42_600, Date.UTC(2027, 0, 1), 1.2)
    const pages = splitTalks(list)
    expectPartition(list, pages, LIST_LIMITS.talks)
    // Newest first, and a month in parts keeps its talks in order across them.
    expect(pages.flatMap((p) => p.items)).toEqual(list)
    expect(pages.some((p) => p.parts > 1)).toBe(true)
  })
})

describe('splitWorkers', () => {
  const order = PREFECTURES.map((p) => p.slug)
  const [first, second] = PREFECTURES
  it('files workers by prefecture in the region order, the rest last, then by pinyin initial', () => {
    const workers = [
      { name: '王芳', prefecture: second!.name },
      { name: '无名', prefecture: undefined },
      { name: '张伟', prefecture: first!.name },
      { name: '李强', prefecture: first!.name },
      { name: '刘洋', prefecture: first!.name },
    ]
    const pages = splitWorkers(workers, order, 2)
    expect(pages.map((p) => p.keys)).toEqual([
      [first!.slug, 'l'],
      [first!.slug, 'z'],
      [second!.slug],
      [OTHER_PREFECTURE],
    ])
    expect(pages[0]!.items.map((w) => w.name)).toEqual(['李强', '刘洋'])
    expectPartition(workers, pages, 2)
    expect(workerPageTitle(pages[0]!.keys)).toBe(`${first!.name} L`)
    expect(workerPageTitle([OTHER_PREFECTURE], { part: 2, parts: 3 })).toBe('其他地区（第 2 页）')
  })
  it('at 200× the sample (5,800 workers) puts every worker on one page of at most the limit', () => {
    const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗']
    const workers = Array.from({ length: 5_800 }, (_, i) => ({
      name: `${surnames[i % surnames.length]}${i}`,
      prefecture: PREFECTURES[i % 3]!.name,
    }))
    expectPartition(workers, splitWorkers(workers, order), LIST_LIMITS.workers)
  })
  it('reads the pinyin initial of a Chinese name, a Latin one as is, anything else as #', () => {
    expect(initialOf('闫桂珍')).toBe('Y')
    expect(initialOf('新志强')).toBe('X')
    expect(initialOf(' anna')).toBe('A')
    expect(initialOf('1号')).toBe('#')
  })
})

describe('pageWindow', () => {
  it('shows every page of a short pager', () => {
    expect(pageWindow(0, 4)).toEqual([0, 1, 2, 3])
  })
  it('shows the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageWindow(10, 64)).toEqual([0, null, 8, 9, 10, 11, 12, null, 63])
    expect(pageWindow(0, 64)).toEqual([0, 1, 2, null, 63])
  })
})

describe('newestPhotosFirst', () => {
  it('orders by when taken, else by the talk date', () => {
    const photos = [
      { id: 'a', takenAt: '2024-01-01' },
      { id: 'b', talk: { startsAt: '2025-01-01' } },
      { id: 'c' },
      { id: 'd', takenAt: '2026-01-01', talk: { startsAt: '2020-01-01' } },
    ]
    expect(newestPhotosFirst(photos).map((p) => p.id)).toEqual(['d', 'b', 'a', 'c'])
  })
})
