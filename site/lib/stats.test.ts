import { describe, expect, it } from 'vitest'
import { VENUE_TYPES } from '../../studio/lib/vocabulary'
import { talkFigures } from './talk-figures'
import { audienceBy, barLayout, byMonth, byYear, countBy, countable, sum, type StatTalk } from './stats'

const talk = (startsAt: string, venueType: string, status = 'held', audienceSize?: number): StatTalk => ({
  startsAt,
  venueType,
  prefecture: '兰州市',
  status,
  audienceSize,
})

describe('countBy', () => {
  it('keeps the vocabulary order, includes zero rows and appends unknown keys', () => {
    const rows = countBy(
      [talk('2026-01-01T02:00:00Z', 'school'), talk('2026-01-02T02:00:00Z', 'odd')],
      (t) => t.venueType,
      VENUE_TYPES,
    )
    expect(rows).toEqual([
      { key: 'enterprise', label: '企业', value: 0 },
      { key: 'school', label: '校园', value: 1 },
      { key: 'community', label: '社区', value: 0 },
      { key: 'odd', label: 'odd', value: 1 },
    ])
  })
})

describe('months and years in China time', () => {
  it('counts a talk at 17:00 UTC on the last day of a month in the next month (Asia/Shanghai)', () => {
    const rows = byMonth([talk('2026-01-31T17:00:00Z', 'school'), talk('2026-04-02T02:00:00Z', 'school')])
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['2026-02', 1],
      ['2026-03', 0],
      ['2026-04', 1],
    ])
    expect(rows[0]!.label).toBe('2026年2月')
  })
  it('rolls over years and groups by year', () => {
    const talks = [
      talk('2025-12-10T02:00:00Z', 'school'),
      talk('2026-01-10T02:00:00Z', 'school'),
      talk('2025-12-31T16:30:00Z', 'school'),
    ]
    expect(byMonth(talks).map((r) => r.key)).toEqual(['2025-12', '2026-01'])
    expect(byYear(talks)).toEqual([
      { key: '2025', label: '2025年', value: 1 },
      { key: '2026', label: '2026年', value: 2 },
    ])
    expect(byMonth([])).toEqual([])
  })
})

describe('audience and cancelled talks', () => {
  it('sums the audience of held talks only and leaves cancelled talks out of the counts', () => {
    const talks = [
      talk('2026-01-01T02:00:00Z', 'school', 'held', 100),
      talk('2026-01-02T02:00:00Z', 'school', 'planned', 500),
      talk('2026-01-03T02:00:00Z', 'enterprise', 'held'),
      talk('2026-01-04T02:00:00Z', 'community', 'cancelled', 80),
    ]
    const rows = audienceBy(countable(talks), VENUE_TYPES, (t) => t.venueType)
    expect(rows.map((r) => r.value)).toEqual([0, 100, 0])
    expect(sum(rows)).toBe(100)
    expect(countable(talks)).toHaveLength(3)
  })
})

describe('barLayout', () => {
  it('scales bars to the largest value and stacks rows', () => {
    const { bars, height, max } = barLayout(
      [
        { key: 'a', label: 'A', value: 10 },
        { key: 'b', label: 'B', value: 5 },
        { key: 'c', label: 'C', value: 0 },
      ],
      { barArea: 200, rowHeight: 20 },
    )
    expect(max).toBe(10)
    expect(height).toBe(60)
    expect(bars.map((b) => [b.y, b.width])).toEqual([
      [0, 200],
      [20, 100],
      [40, 0],
    ])
  })
  it('draws nothing for all-zero data instead of dividing by zero', () => {
    expect(barLayout([{ key: 'a', label: 'A', value: 0 }], { barArea: 100, rowHeight: 10 }).bars[0]!.width).toBe(0)
  })
})

describe('countable agrees with the shared talk figures', () => {
  it('holds exactly the held and planned talks of talkFigures', () => {
    const talks = [
      talk('2025-01-01T02:00:00Z', 'school'),
      talk('2027-01-01T02:00:00Z', 'school', 'planned'),
      talk('2025-02-01T02:00:00Z', 'school', 'planned'),
      talk('2025-03-01T02:00:00Z', 'school', 'cancelled'),
    ]
    const f = talkFigures(talks, Date.parse('2026-01-01T00:00:00Z'))
    expect(countable(talks)).toHaveLength(f.held + f.planned)
  })
})
