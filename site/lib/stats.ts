/**
 * Build-time aggregation for the statistics page and the home page: counts of talks by venue
 * type, prefecture, year and month, audience reached, and the geometry of the inline SVG bar
 * charts. Pure functions over plain talk data so they can be unit-tested.
 */
import { monthKey, talkState } from './format'

export interface StatTalk {
  startsAt: string
  venueType: string
  prefecture: string
  status: string
  audienceSize?: number
}

export interface Row {
  key: string
  label: string
  value: number
}

/** Counts items by a key, in the order of `order` (keys missing from `order` follow, sorted). */
export function countBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly { value: string; title: string }[] = [],
  valueOf: (item: T) => number = () => 1,
): Row[] {
  const totals = new Map<string, number>()
  for (const o of order) totals.set(o.value, 0)
  for (const item of items) {
    const key = keyOf(item)
    totals.set(key, (totals.get(key) ?? 0) + valueOf(item))
  }
  const known = new Set(order.map((o) => o.value))
  const extra = [...totals.keys()].filter((k) => !known.has(k)).sort()
  return [
    ...order.map((o) => ({ key: o.value, label: o.title, value: totals.get(o.value)! })),
    ...extra.map((k) => ({ key: k, label: k, value: totals.get(k)! })),
  ]
}

/**
 * Talks that took place (or will): what the charts count. The page's totals, cancelled talks
 * included, come from talk-figures.ts, which agrees: its held + planned is this list's length.
 */
export const countable = <T extends StatTalk>(talks: readonly T[]) => talks.filter((t) => t.status !== 'cancelled')

export const yearKey = (iso: string) => monthKey(iso).slice(0, 4)

type Order = { value: string; title: string }[]

/** Every month from the first to the last talk, so gaps show as zero rather than vanishing. */
export function monthOrder(talks: readonly StatTalk[]): Order {
  if (talks.length === 0) return []
  const keys = talks.map((t) => monthKey(t.startsAt)).sort()
  const [first, last] = [keys[0]!, keys[keys.length - 1]!]
  const order: Order = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    order.push({ value: key, title: `${y}年${m}月` })
    if (key === last) break
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return order
}

export const yearOrder = (talks: readonly StatTalk[]): Order =>
  [...new Set(talks.map((t) => yearKey(t.startsAt)))].sort().map((y) => ({ value: y, title: `${y}年` }))

export function byMonth(talks: readonly StatTalk[]): Row[] {
  return countBy(talks, (t) => monthKey(t.startsAt), monthOrder(talks))
}

export function byYear(talks: readonly StatTalk[]): Row[] {
  return countBy(talks, (t) => yearKey(t.startsAt), yearOrder(talks))
}

/**
 * The three states a chart tells apart, in the words and order of the figure sentence
 * (talk-figures.ts): a planned talk past its date still counts as planned there, so here too.
 */
export const STATES = [
  { key: 'held', label: '已举办' },
  { key: 'planned', label: '计划中' },
  { key: 'cancelled', label: '已取消' },
] as const
export type StateKey = (typeof STATES)[number]['key']

export interface StackRow {
  key: string
  label: string
  /** One count per entry of STATES, in that order. */
  values: number[]
  total: number
}

const stateIndex = (t: StatTalk, now: Date | number) => {
  const state = talkState(t, now)
  return state === 'held' ? 0 : state === 'cancelled' ? 2 : 1
}

/** Counts every talk (cancelled included) by a key and by state, in the order of `order`. */
export function stackBy(
  talks: readonly StatTalk[],
  keyOf: (t: StatTalk) => string,
  order: readonly { value: string; title: string }[],
  now: Date | number,
): StackRow[] {
  const rows = STATES.map((_, i) =>
    countBy(
      talks.filter((t) => stateIndex(t, now) === i),
      keyOf,
      order,
    ),
  )
  // Keys missing from `order` appear in some state's rows only: collect them all.
  const keys = new Map<string, string>(order.map((o) => [o.value, o.title]))
  for (const list of rows) for (const r of list) if (!keys.has(r.key)) keys.set(r.key, r.label)
  return [...keys].map(([key, label]) => {
    const values = rows.map((list) => list.find((r) => r.key === key)?.value ?? 0)
    return { key, label, values, total: values.reduce((a, b) => a + b, 0) }
  })
}

export interface YearGroup {
  key: string
  label: string
  rows: StackRow[]
}

/** Month rows ("2026-03") grouped by year, each month labelled "3月" under its "2026年". */
export function groupMonthsByYear(rows: readonly StackRow[]): YearGroup[] {
  const groups: YearGroup[] = []
  for (const r of rows) {
    const [year, month] = r.key.split('-') as [string, string]
    let group = groups.at(-1)
    if (group?.key !== year) groups.push((group = { key: year, label: `${year}年`, rows: [] }))
    group.rows.push({ ...r, label: `${Number(month)}月` })
  }
  return groups
}

/** Column totals of stacked rows (one per value): what the table's 合计 row shows. */
export const stackTotals = (rows: readonly StackRow[]) =>
  (rows[0]?.values ?? []).map((_, i) => rows.reduce((n, r) => n + r.values[i]!, 0))

/** Audience of talks already held, by a key; talks without a recorded audience add nothing. */
export function audienceBy(
  talks: readonly StatTalk[],
  order: readonly { value: string; title: string }[],
  keyOf: (t: StatTalk) => string,
) {
  return countBy(
    talks.filter((t) => t.status === 'held'),
    keyOf,
    order,
    (t) => t.audienceSize ?? 0,
  )
}

export const sum = (rows: readonly Row[]) => rows.reduce((n, r) => n + r.value, 0)

/** A single-series row list as stacked rows (one segment each), for the same chart component. */
export const asStack = (rows: readonly Row[]): StackRow[] =>
  rows.map((r) => ({ key: r.key, label: r.label, values: [r.value], total: r.value }))

export interface Bar extends StackRow {
  y: number
  /** One segment per value: where it starts and how wide it is. */
  segments: { x: number; width: number }[]
  width: number
}

/**
 * Horizontal stacked bar chart geometry: one bar per row, lengths proportional to `max` (by default
 * the largest total; pass one shared max so charts split into groups keep one scale).
 */
export function barLayout(rows: readonly StackRow[], options: { barArea: number; rowHeight: number; max?: number }) {
  const max = options.max ?? Math.max(0, ...rows.map((r) => r.total))
  const scale = (n: number) => (max === 0 ? 0 : Math.round((n / max) * options.barArea * 10) / 10)
  const bars: Bar[] = rows.map((r, i) => {
    let sum = 0
    const segments = r.values.map((v) => {
      const x = scale(sum)
      sum += v
      return { x, width: scale(sum) - x }
    })
    return { ...r, y: i * options.rowHeight, segments, width: scale(r.total) }
  })
  return { bars, height: rows.length * options.rowHeight, max }
}
