/**
 * When the long list pages (/talks/, /workers/, /photos/) split, and into which pages. Up to its limit a
 * list is the one page it always was; above it, it splits so that no page holds more than the limit:
 * talks by year, a year too big by month, a month too big into numbered parts; model workers by
 * prefecture, then by the pinyin initial of their name, then into parts; photos into numbered pages.
 *
 * The limits keep every page no heavier than the 1× sample's largest list page, /talks/ (157 KB for its
 * 213 talks): a page is ~7–9 KB plus ~0.65 KB a talk, ~1.3 KB a worker card, ~1.55 KB a photo tile
 * (tests/browser/lists-scale.test.ts measures it). LAOMO_LIST_LIMIT sets all three at once (tests build
 * the split pages from the sample with a small one).
 */
import { pinyin } from 'pinyin-pro'
import { findPrefecture, PREFECTURES } from '#domain/region'
import { groupBy } from './group'
import { monthKey } from './format'

const fromEnv = Number(process.env.LAOMO_LIST_LIMIT)
const envLimit = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined

export const LIST_LIMITS = {
  talks: envLimit ?? 213,
  workers: envLimit ?? 110,
  photos: envLimit ?? 90,
} as const

/** One page of a split list: the keys it is filed under (e.g. ['2025', '03']) and, past the first, its part. */
export interface ListPage<T> {
  keys: string[]
  /** 1-based; a page whose keys still hold more than the limit is cut into parts of the limit. */
  part: number
  parts: number
  items: T[]
}

/**
 * Files `items` (in the order they are listed) under each level's key in turn, going one level deeper
 * only where a group holds more than `limit`, and cutting into parts where no level is left. Every item
 * lands on exactly one page; no page holds more than `limit`. Groups keep the order their keys first appear.
 */
export function splitList<T>(
  items: readonly T[],
  limit: number,
  levels: readonly ((item: T) => string)[],
  keys: string[] = [],
): ListPage<T>[] {
  if (items.length <= limit) return [{ keys, part: 1, parts: 1, items: [...items] }]
  const [level, ...deeper] = levels
  if (level) return groupBy(items, level).flatMap((g) => splitList(g.items, limit, deeper, [...keys, g.key]))
  const parts = Math.ceil(items.length / limit)
  return Array.from({ length: parts }, (_, i) => ({
    keys,
    part: i + 1,
    parts,
    items: items.slice(i * limit, (i + 1) * limit),
  }))
}

/** Whether a list of `count` items is shown on one page (as it always was) or split. */
export const isSplit = (count: number, limit: number) => count > limit

/** Talks by year, then month (China time), newest first: the split /talks/ pages. */
export function splitTalks<T extends { startsAt: string }>(talks: readonly T[], limit = LIST_LIMITS.talks) {
  const sorted = [...talks].sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  const month = (t: T) => monthKey(t.startsAt)
  return splitList(sorted, limit, [(t) => month(t).slice(0, 4), (t) => month(t).slice(5, 7)])
}

/** The page a worker without a prefecture of the region is filed under. */
export const OTHER_PREFECTURE = 'other'

/** A name's pinyin initial, A–Z, or '#' for one that does not start with a letter or a Chinese character. */
export function initialOf(name: string): string {
  const first = pinyin(name.trim().slice(0, 1), { pattern: 'first', toneType: 'none' }).toUpperCase()
  return /^[A-Z]$/.test(first) ? first : '#'
}

/** An initial as its page's key: lower case, '_' for names filed under '#'. */
export const initialKey = (initial: string) => (initial === '#' ? '_' : initial.toLowerCase())

/**
 * Model workers by prefecture (in the region's order, then those without one), then by the pinyin
 * initial of their name (A–Z): the split /workers/ pages. Keys are the prefecture's slug and the
 * initial (initialKey), as their paths write them.
 */
export function splitWorkers<T extends { name: string; prefecture?: string | null }>(
  workers: readonly T[],
  order: readonly string[],
  limit = LIST_LIMITS.workers,
) {
  const slugOf = (w: T) => findPrefecture(w.prefecture)?.slug ?? OTHER_PREFECTURE
  const rank = (slug: string) => (order.includes(slug) ? order.indexOf(slug) : order.length)
  const initial = (w: T) => initialKey(initialOf(w.name))
  const sorted = [...workers].sort((a, b) => rank(slugOf(a)) - rank(slugOf(b)) || initial(a).localeCompare(initial(b)))
  return splitList(sorted, limit, [slugOf, initial])
}

/**
 * Which page numbers a pager shows (0-based indices, null for a gap): the first, the last, and those
 * within `radius` of the current one, so that a gallery of hundreds of pages keeps a short pager.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = []
  for (let i = 0; i < total; i++) {
    if (i === 0 || i === total - 1 || Math.abs(i - current) <= radius) shown.push(i)
    else if (shown.at(-1) !== null) shown.push(null)
  }
  return shown
}

/** The gallery's order: newest first, by when a photo was taken, else by its talk's date. */
export function newestPhotosFirst<T extends { takenAt?: string; talk?: { startsAt?: string | null } }>(
  photos: readonly T[],
): T[] {
  const when = (p: T) => p.takenAt ?? p.talk?.startsAt ?? ''
  return [...photos].sort((a, b) => when(b).localeCompare(when(a)))
}

/** What a split /workers/ page is called: its prefecture, then its initial and part when it has them. */
export function workerPageTitle(keys: readonly string[], page?: { part: number; parts: number }): string {
  const [slug, initial] = keys
  const place = PREFECTURES.find((p) => p.slug === slug)?.name ?? '其他地区'
  const letter = initial === undefined ? '' : ` ${initial === '_' ? '其他' : initial.toUpperCase()}`
  const part = page && page.parts > 1 ? `（第 ${page.part} 页）` : ''
  return `${place}${letter}${part}`
}
