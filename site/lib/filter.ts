/**
 * Client-side filtering of server-rendered lists (workers, talks). Every list item carries its
 * facets in data attributes (space-separated values); a select with an empty value means "all".
 */

export type Facets = Record<string, string[]>
export type Selection = Record<string, string>

/** Reads `data-f-<name>` attributes into facets. */
export function facetsOf(dataset: Record<string, string | undefined>): Facets {
  const facets: Facets = {}
  for (const [key, value] of Object.entries(dataset)) {
    if (!key.startsWith('f') || key.length < 2 || key[1] !== key[1]!.toUpperCase()) continue
    const name = key[1]!.toLowerCase() + key.slice(2)
    facets[name] = (value ?? '').split(' ').filter(Boolean)
  }
  return facets
}

export function matches(facets: Facets, selection: Selection): boolean {
  return Object.entries(selection).every(([name, wanted]) => !wanted || (facets[name] ?? []).includes(wanted))
}

/** Encodes facet values for a data attribute (values with spaces would split). */
export const facetValue = (values: readonly (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v).map((v) => v.replace(/\s+/g, '_')))].join(' ')
