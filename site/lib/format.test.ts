import { describe, expect, it } from 'vitest'
import { chinaDate, formatDateTime, monthKey } from './format'

describe('China-time dates', () => {
  it('gives the China calendar day, not the UTC one', () => {
    expect(chinaDate(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25')
    expect(chinaDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
    expect(chinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01')
  })

  it('groups by the China month', () => {
    expect(monthKey('2027-02-28T16:30:00Z')).toBe('2027-03')
    expect(monthKey('2027-03-01T00:00:00+08:00')).toBe('2027-03')
  })

  it('shows times in China time', () => {
    expect(formatDateTime('2026-11-24T02:30:00Z')).toContain('10:30')
  })
})
