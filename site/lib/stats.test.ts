import { describe, expect, it } from 'vitest'
import { VENUE_TYPES } from '#domain/vocabulary'
import { talkFigures } from './talk-figures'
import { monthKey } from './format'
import {
  STATES,
  audienceBy,
  barLayout,
  byMonth,
  byYear,
  countBy,
  countable,
  groupMonthsByYear,
  monthOrder,
  stackBy,
  stackTotals,
  sum,
  yearOrder,
  type StatTalk,
} from './stats'

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
  const row = (key: string, values: number[]) => ({ key, label: key, values, total: values.reduce((a, b) => a + b, 0) })
  it('scales bars to the largest total, stacks segments end to end and stacks rows', () => {
    const { bars, height, max } = barLayout([row('a', [6, 4]), row('b', [0, 5]), row('c', [0, 0])], {
      barArea: 200,
      rowHeight: 20,
    })
    expect(max).toBe(10)
    expect(height).toBe(60)
    expect(bars.map((b) => [b.y, b.width])).toEqual([
      [0, 200],
      [20, 100],
      [40, 0],
    ])
    expect(bars[0]!.segments).toEqual([
      { x: 0, width: 120 },
      { x: 120, width: 80 },
    ])
    expect(bars[1]!.segments).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 100 },
    ])
  })
  it('keeps a shared scale across groups and draws nothing for all-zero data', () => {
    expect(barLayout([row('a', [5])], { barArea: 100, rowHeight: 10, max: 20 }).bars[0]!.width).toBe(25)
    expect(barLayout([row('a', [0])], { barArea: 100, rowHeight: 10 }).bars[0]!.width).toBe(0)
  })
})

describe('stackBy and months by year', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  const talks = [
    talk('2025-11-03T02:00:00Z', 'school'),
    talk('2025-11-04T02:00:00Z', 'school', 'cancelled'),
    talk('2025-12-20T02:00:00Z', 'enterprise', 'planned'), // overdue: still planned
    talk('2026-02-01T02:00:00Z', 'odd', 'planned'),
  ]
  it('counts every talk by key and by state (held, planned, cancelled), unknown keys last', () => {
    const rows = stackBy(talks, (t) => t.venueType, VENUE_TYPES, now)
    expect(rows.map((r) => [r.key, r.values, r.total])).toEqual([
      ['enterprise', [0, 1, 0], 1],
      ['school', [1, 0, 1], 2],
      ['community', [0, 0, 0], 0],
      ['odd', [0, 1, 0], 1],
    ])
    expect(STATES.map((s) => s.label)).toEqual(['已举办', '计划中', '已取消'])
  })
  it('agrees with the shared talk figures: column totals are held, planned and cancelled', () => {
    const f = talkFigures(talks, now)
    expect(stackTotals(stackBy(talks, (t) => t.venueType, VENUE_TYPES, now))).toEqual([f.held, f.planned, f.cancelled])
  })
  it('groups months under their year in order, gaps included, labelled by month', () => {
    const groups = groupMonthsByYear(stackBy(talks, (t) => monthKey(t.startsAt), monthOrder(talks), now))
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.label)])).toEqual([
      ['2025年', ['11月', '12月']],
      ['2026年', ['1月', '2月']],
    ])
    expect(groups[1]!.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02'])
    expect(yearOrder(talks).map((y) => y.title)).toEqual(['2025年', '2026年'])
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
