import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '../region.ts'
import { PREFECTURE_SEATS } from './seats.ts'

describe('prefecture seats', () => {
  it('are the seats of the gazetteer, in the same order', () => {
    expect(PREFECTURE_SEATS).toEqual(PREFECTURES.map((p) => [p.name, p.lat, p.lng]))
  })
})
