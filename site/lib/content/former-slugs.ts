/**
 * Former slugs across a collection. A document's old slug becomes a redirect to its current page, so
 * it may not be another document's current slug (that page would be shadowed) nor a second document's
 * former slug (one old address, two targets). The Studio refuses both when it can reach the dataset;
 * content imported around it keeps what is unambiguous and names the rest.
 */

export interface SlugEntry {
  _id: string
  slug: string
  formerSlugs: string[]
}

/**
 * Drops, in place, former slugs that clash; returns one warning per dropped slug. Current slugs win
 * over former ones; between two former ones, the first document in query order keeps it.
 */
export function dropClashingFormerSlugs(collection: string, entries: readonly SlugEntry[]): string[] {
  const warnings: string[] = []
  const current = new Map(entries.map((e) => [e.slug, e._id]))
  const former = new Map<string, string>()
  for (const entry of entries) {
    entry.formerSlugs = entry.formerSlugs.filter((old) => {
      const owner = current.get(old)
      const earlier = former.get(old)
      if (owner === undefined && earlier === undefined) {
        former.set(old, entry._id)
        return true
      }
      const why = owner !== undefined ? `is the current slug of ${owner}` : `is already a former slug of ${earlier}`
      warnings.push(`${collection} ${entry._id}: field "formerSlugs" "${old}" ${why} — no redirect`)
      return false
    })
  }
  return warnings
}
