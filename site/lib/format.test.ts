import { describe, expect, it } from 'vitest'
import { chinaDate, chinaIso, formatChinaIso, formatDateTime, monthKey } from './format'

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

  it('writes a moment as China local time with its offset, the same moment to the minute', () => {
    expect(chinaIso('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30+08:00')
    expect(chinaIso('2026-05-01T02:00:59Z')).toBe('2026-05-01T10:00+08:00')
    expect(Date.parse(chinaIso('2026-05-01T02:00:00Z'))).toBe(Date.parse('2026-05-01T02:00:00Z'))
  })

  it('shows a chinaIso string exactly as formatDateTime shows the moment, for any hour of two years', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    for (let t = start; t < start + 2 * 366 * 86_400_000; t += 7 * 3_600_000 + 17 * 60_000) {
      const iso = new Date(t).toISOString()
      expect(formatChinaIso(chinaIso(iso))).toBe(formatDateTime(iso))
    }
  })
})
