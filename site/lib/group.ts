/** Grouping helpers for lists (talks by month, photos by talk or person). */
import { formatMonth, monthKey } from './format'

export interface Group<T> {
  key: string
  items: T[]
}

/** Groups items by key, keeping the order in which keys first appear. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  return [...groups].map(([key, list]) => ({ key, items: list }))
}

/** Talks grouped by month in China time, newest month first, newest talk first within a month. */
export function groupByMonth<T extends { startsAt: string }>(talks: readonly T[]) {
  const sorted = [...talks].sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  return groupBy(sorted, (t) => monthKey(t.startsAt)).map((g) => ({
    ...g,
    label: formatMonth(g.items[0]!.startsAt),
  }))
}
