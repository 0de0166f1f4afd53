import { describe, expect, it } from 'vitest'
import { facetValue, facetsOf, matches } from './filter'

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
})

describe('facetValue', () => {
  it('drops empty values and duplicates and keeps values with spaces in one piece', () => {
    expect(facetValue(['national', null, 'national', undefined, 'city'])).toBe('national city')
    expect(facetValue(['a b'])).toBe('a_b')
  })
})
