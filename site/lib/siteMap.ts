/**
 * The 网站地图 page's grouping: documents under headings (workers by prefecture, talks and stories by
 * year), each heading with its count, and the documents themselves listed only while the whole list
 * stays short. Past that a group links to its list page instead, so the page keeps a bounded size
 * (a few hundred links) at any amount of content: 40,000 talks are a dozen years, not 40,000 links.
 */

/** Documents listed one by one on the page, per kind, before groups show only their count and list page. */
export const SITE_MAP_ITEM_LIMIT = 120

export interface SiteMapGroup<T> {
  key: string
  count: number
  /** The group's documents, or undefined when the kind has more than the limit in all. */
  items?: T[]
}

/**
 * `items` grouped by `keyOf`, groups in `order` (keys it does not name follow, in descending order:
 * newest years first), items in their given order.
 */
export function siteMapGroups<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  { order = [], limit = SITE_MAP_ITEM_LIMIT }: { order?: readonly string[]; limit?: number } = {},
): SiteMapGroup<T>[] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length)
  const listed = items.length <= limit
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || b.localeCompare(a))
    .map(([key, group]) => ({ key, count: group.length, ...(listed ? { items: group } : {}) }))
}
