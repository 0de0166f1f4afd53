import { describe, expect, it, vi } from 'vitest'
import { bindFilter, facetValue, facetsOf, matches, splitFacet, type Facets } from './filter'

describe('facetsOf', () => {
  it('reads data-f-* attributes (as the DOM dataset names them) and ignores other data attributes', () => {
    expect(facetsOf({ fSector: 'energy', fLevel: 'national provincial', filterItem: '', fooBar: 'x', f: 'y' })).toEqual(
      {
        sector: ['energy'],
        level: ['national', 'provincial'],
      },
    )
  })
})

describe('splitFacet', () => {
  it('splits on spaces by default, on the given separator otherwise, and drops empty values', () => {
    expect(splitFacet('national  city')).toEqual(['national', 'city'])
    expect(splitFacet('工匠 精神|安全生产|', '|')).toEqual(['工匠 精神', '安全生产'])
    expect(splitFacet(undefined)).toEqual([])
    expect(splitFacet('', '|')).toEqual([])
  })
})

describe('matches', () => {
  const facets = { sector: ['energy'], prefecture: ['兰州市'], level: ['national', 'provincial'] }
  it('matches when every chosen facet is among the item values; empty choices mean all', () => {
    expect(matches(facets, {})).toBe(true)
    expect(matches(facets, { sector: '', level: '' })).toBe(true)
    expect(matches(facets, { level: 'provincial' })).toBe(true)
    expect(matches(facets, { sector: 'energy', prefecture: '兰州市', level: 'national' })).toBe(true)
  })
  it('rejects an item missing a chosen value or the facet altogether', () => {
    expect(matches(facets, { sector: 'mining' })).toBe(false)
    expect(matches(facets, { level: 'city' })).toBe(false)
    expect(matches(facets, { type: 'school' })).toBe(false)
  })
  it('compares whole values: a topic is not matched by a part of it', () => {
    const topics = { topic: splitFacet('工匠精神|安全生产', '|') }
    expect(matches(topics, { topic: '安全生产' })).toBe(true)
    expect(matches(topics, { topic: '安全' })).toBe(false)
  })
})

describe('facetValue', () => {
  it('drops empty values and duplicates and keeps values with spaces in one piece', () => {
    expect(facetValue(['national', null, 'national', undefined, 'city'])).toBe('national city')
    expect(facetValue(['a b'])).toBe('a_b')
  })
})

describe('bindFilter', () => {
  /** Just what bindFilter touches of a form, its selects and its items. */
  function fixture(datasets: Record<string, string>[], name = 'sector', read?: (item: HTMLElement) => Facets) {
    const select = { name, value: '' }
    const listeners: Record<string, (event: { preventDefault(): void }) => void> = {}
    const form = {
      hidden: true,
      querySelectorAll: () => [select],
      addEventListener: (type: string, listener: (typeof listeners)[string]) => (listeners[type] = listener),
    }
    const items = datasets.map((dataset) => ({ dataset, hidden: false }))
    const onApply = vi.fn()
    const apply = bindFilter(form as unknown as HTMLFormElement, {
      items: items as unknown as HTMLElement[],
      read,
      onApply,
    })
    return { select, listeners, form, items, onApply, apply }
  }

  it('shows the form, hides the items that do not match on every change, and reports how many show', () => {
    const { select, listeners, form, items, onApply, apply } = fixture([
      { fSector: 'energy' },
      { fSector: 'mining energy' },
      { fSector: 'farming' },
    ])
    expect(form.hidden).toBe(false)
    apply()
    expect(items.map((i) => i.hidden)).toEqual([false, false, false])
    expect(onApply).toHaveBeenLastCalledWith(3, { sector: '' })
    select.value = 'energy'
    listeners.change!({ preventDefault() {} })
    expect(items.map((i) => i.hidden)).toEqual([false, false, true])
    expect(onApply).toHaveBeenLastCalledWith(2, { sector: 'energy' })
  })

  it('never submits, and filters again after a reset has restored the values', async () => {
    const { select, listeners, items } = fixture([{ fSector: 'energy' }, { fSector: 'farming' }])
    const preventDefault = vi.fn()
    listeners.submit!({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
    select.value = 'energy'
    listeners.change!({ preventDefault() {} })
    expect(items[1]!.hidden).toBe(true)
    select.value = ''
    listeners.reset!({ preventDefault() {} })
    await new Promise((resolve) => setTimeout(resolve))
    expect(items[1]!.hidden).toBe(false)
  })

  it('reads facets the way the list says', () => {
    const read = (item: HTMLElement) => ({ topic: splitFacet(item.dataset.topics, '|') })
    const { select, apply, items } = fixture([{ topics: 'A|B' }, { topics: 'C' }, { fTopic: 'B' }], 'topic', read)
    select.value = 'B'
    apply()
    expect(items.map((i) => i.hidden)).toEqual([false, true, true])
  })
})
