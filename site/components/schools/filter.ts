/** Client-side filtering of the /schools/ lists by data attributes (values joined with "|"). */

export interface Filters {
  topic?: string
  prefecture?: string
  band?: string
}

export interface Filterable {
  topics?: string
  prefecture?: string
  bands?: string
}

const has = (list: string | undefined, value: string) => (list ?? '').split('|').includes(value)

export function matches(item: Filterable, filters: Filters): boolean {
  if (filters.topic && !has(item.topics, filters.topic)) return false
  if (filters.prefecture && item.prefecture !== filters.prefecture) return false
  if (filters.band && !has(item.bands, filters.band)) return false
  return true
}

/** Shows the items of `list` that match the form's selects; reports how many in `count`. */
export function bindFilter(form: HTMLFormElement, items: HTMLElement[], count: HTMLElement, empty: HTMLElement) {
  const apply = () => {
    const data = new FormData(form)
    const filters: Filters = {
      topic: String(data.get('topic') ?? ''),
      prefecture: String(data.get('prefecture') ?? ''),
      band: String(data.get('band') ?? ''),
    }
    let shown = 0
    for (const item of items) {
      const visible = matches(item.dataset, filters)
      item.hidden = !visible
      if (visible) shown++
    }
    count.textContent = String(shown)
    empty.hidden = shown > 0
    return filters
  }
  form.hidden = false
  form.addEventListener('change', apply)
  form.addEventListener('submit', (e) => e.preventDefault())
  form.addEventListener('reset', () => setTimeout(apply))
  return apply
}
