import { describe, expect, it } from 'vitest'
import { formatSummary, kib, ratio, seconds, summarise } from './stats'

describe('summarise', () => {
  it('takes the middle value of an odd number of runs, whatever their order', () => {
    expect(summarise([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 })
  })

  it('averages the two middle values of an even number of runs', () => {
    expect(summarise([10, 40, 20, 30])).toEqual({ median: 25, min: 10, max: 40, runs: 4 })
  })

  it('ignores failed runs (NaN, Infinity) and returns null when nothing is left', () => {
    expect(summarise([5, Number.NaN, 7, Number.POSITIVE_INFINITY])).toEqual({ median: 6, min: 5, max: 7, runs: 2 })
    expect(summarise([])).toBeNull()
    expect(summarise([Number.NaN])).toBeNull()
  })

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2]
    summarise(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('formatSummary', () => {
  it('prints median with min–max, or the single value of one run, or n/a', () => {
    expect(formatSummary(summarise([1000, 3000, 2000]), seconds)).toBe('2.00 s (1.00 s–3.00 s)')
    expect(formatSummary(summarise([2048]), kib)).toBe('2.0 KB')
    expect(formatSummary(null, ratio)).toBe('n/a')
  })
})
