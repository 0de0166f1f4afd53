import { describe, expect, it } from 'vitest'
import { pairingPhase, sinceNotFarAhead, untilAfterSince } from './pairing.ts'

describe('pairing rules', () => {
  it('want 结束日期 after 开始日期', () => {
    expect(untilAfterSince('2024-09-01', '2025-07-01')).toBe(true)
    expect(untilAfterSince('2024-09-01', '2024-09-01')).toBe('结对结束日期应晚于开始日期')
    expect(untilAfterSince('2024-09-01', '2023-07-01')).toBe('结对结束日期应晚于开始日期')
    expect(untilAfterSince(undefined, '2023-07-01')).toBe(true)
    expect(untilAfterSince('2024-09-01', undefined)).toBe(true)
  })

  it('warn about a start more than a year ahead', () => {
    expect(sinceNotFarAhead('2027-03-01', '2026-03-01')).toBe(true)
    expect(sinceNotFarAhead('2027-03-02', '2026-03-01')).toBe('开始日期在一年以后，请核对年份')
    expect(sinceNotFarAhead(undefined, '2026-03-01')).toBe(true)
  })
})

describe('pairingPhase', () => {
  it('tells upcoming, current and ended apart, both ends inclusive, on generated periods', () => {
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
    for (let i = 0; i < 200; i++) {
      const since = 37 * i
      const until = i % 3 === 0 ? undefined : since + 1 + ((i * 53) % 900)
      const p = { since: day(since), until: until === undefined ? undefined : day(until) }
      for (const today of [since - 1, since, since + 1, until ?? since + 5000, (until ?? 0) + 1]) {
        const want = today < since ? 'upcoming' : until !== undefined && today > until ? 'ended' : 'current'
        expect(pairingPhase(p, day(today)), `${JSON.stringify(p)} on ${day(today)}`).toBe(want)
      }
    }
  })
})
