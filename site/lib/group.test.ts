import { describe, expect, it } from 'vitest'
import { groupBy, groupByMonth } from './group'

describe('groupBy', () => {
  it('keeps first-seen key order and item order', () => {
    expect(groupBy([1, 2, 3, 4, 5], (n) => (n % 2 ? 'odd' : 'even'))).toEqual([
      { key: 'odd', items: [1, 3, 5] },
      { key: 'even', items: [2, 4] },
    ])
  })
})

describe('groupByMonth', () => {
  it('puts the newest month first and the newest talk first, by China time', () => {
    const talks = [
      { id: 'a', startsAt: '2026-03-05T02:00:00Z' },
      { id: 'b', startsAt: '2026-03-31T17:00:00Z' }, // 1 April in Lanzhou
      { id: 'c', startsAt: '2026-03-20T02:00:00Z' },
      { id: 'd', startsAt: '2025-12-01T02:00:00Z' },
    ]
    const groups = groupByMonth(talks)
    expect(groups.map((g) => [g.key, g.label, g.items.map((t) => t.id)])).toEqual([
      ['2026-04', '2026年4月', ['b']],
      ['2026-03', '2026年3月', ['c', 'a']],
      ['2025-12', '2025年12月', ['d']],
    ])
    expect(groupByMonth([])).toEqual([])
  })
})
