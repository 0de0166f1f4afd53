/**
 * Build-time aggregation for the statistics page and the home page: counts of talks by venue
 * type, prefecture, year and month, audience reached, and the geometry of the inline SVG bar
 * charts. Pure functions over plain talk data so they can be unit-tested.
 */
import { monthKey } from './format'

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

/** Every month from the first to the last talk, so gaps show as zero rather than vanishing. */
export function byMonth(talks: readonly StatTalk[]): Row[] {
  if (talks.length === 0) return []
  const keys = talks.map((t) => monthKey(t.startsAt)).sort()
  const [first, last] = [keys[0]!, keys[keys.length - 1]!]
  const order: { value: string; title: string }[] = []
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
  return countBy(talks, (t) => monthKey(t.startsAt), order)
}

export function byYear(talks: readonly StatTalk[]): Row[] {
  const years = [...new Set(talks.map((t) => yearKey(t.startsAt)))].sort()
  return countBy(
    talks,
    (t) => yearKey(t.startsAt),
    years.map((y) => ({ value: y, title: `${y}年` })),
  )
}

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

export interface Bar extends Row {
  y: number
  width: number
}

/** Horizontal bar chart geometry: one bar per row, widths proportional to the largest value. */
export function barLayout(rows: readonly Row[], options: { barArea: number; rowHeight: number }) {
  const max = Math.max(0, ...rows.map((r) => r.value))
  const bars: Bar[] = rows.map((r, i) => ({
    ...r,
    y: i * options.rowHeight,
    width: max === 0 ? 0 : Math.round((r.value / max) * options.barArea * 10) / 10,
  }))
  return { bars, height: rows.length * options.rowHeight, max }
}
