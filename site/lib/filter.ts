/**
 * Client-side filtering of server-rendered lists (workers, talks, the schools page). A form of selects
 * chooses at most one value per facet, an empty value meaning "all"; an item shows when every chosen
 * value is among its facet values. Items carry their facets in data attributes.
 */

export type Facets = Record<string, string[]>
export type Selection = Record<string, string>

/**
 * The values of one data attribute. Vocabulary values are space-separated (`facetValue`); free text an
 * editor typed, such as talk topics, is joined with "|" so that a space inside a topic keeps it whole.
 */
export const splitFacet = (value: string | undefined, separator = ' ') => (value ?? '').split(separator).filter(Boolean)

/** Reads `data-f-<name>` attributes (space-separated) into facets. */
export function facetsOf(dataset: Record<string, string | undefined>): Facets {
  const facets: Facets = {}
  for (const [key, value] of Object.entries(dataset)) {
    if (!key.startsWith('f') || key.length < 2 || key[1] !== key[1]!.toUpperCase()) continue
    const name = key[1]!.toLowerCase() + key.slice(2)
    facets[name] = splitFacet(value)
  }
  return facets
}

export function matches(facets: Facets, selection: Selection): boolean {
  return Object.entries(selection).every(([name, wanted]) => !wanted || (facets[name] ?? []).includes(wanted))
}

/** Encodes facet values for a data attribute (values with spaces would split). */
export const facetValue = (values: readonly (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v).map((v) => v.replace(/\s+/g, '_')))].join(' ')

export interface FilterBinding {
  items: HTMLElement[]
  /** An item's facets; `data-f-*` attributes unless the list names them otherwise. */
  read?: (item: HTMLElement) => Facets
  /** Called after every filtering with the number of items shown and the selection. */
  onApply?: (shown: number, selection: Selection) => void
}

/**
 * Filters `items` whenever the form's selects change or the form is reset; returns the filtering, for a
 * first run once the page has set the form's initial values. A form hidden without JavaScript shows.
 */
export function bindFilter(form: HTMLFormElement, binding: FilterBinding): () => void {
  const { items, read = (item) => facetsOf(item.dataset), onApply } = binding
  const selects = [...form.querySelectorAll('select')]
  const apply = () => {
    const selection: Selection = Object.fromEntries(selects.map((s) => [s.name, s.value]))
    let shown = 0
    for (const item of items) {
      const visible = matches(read(item), selection)
      item.hidden = !visible
      if (visible) shown++
    }
    onApply?.(shown, selection)
  }
  form.hidden = false
  form.addEventListener('change', apply)
  form.addEventListener('submit', (e) => e.preventDefault())
  // Reset changes the values after the event: apply on the next tick.
  form.addEventListener('reset', () => setTimeout(apply))
  return apply
}
