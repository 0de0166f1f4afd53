import { describe, expect, it } from 'vitest'
import { pairingPhase, pairingSubtitle, sinceNotFarAhead, untilAfterSince } from './pairings'

describe('pairing rules', () => {
  it('wants 结束日期 after 开始日期', () => {
    expect(untilAfterSince('2024-09-01', '2025-07-01')).toBe(true)
    expect(untilAfterSince('2024-09-01', '2024-09-01')).toBe('结对结束日期应晚于开始日期')
    expect(untilAfterSince('2024-09-01', '2023-07-01')).toBe('结对结束日期应晚于开始日期')
    expect(untilAfterSince(undefined, '2023-07-01')).toBe(true)
    expect(untilAfterSince('2024-09-01', undefined)).toBe(true)
  })

  it('warns about a start more than a year ahead', () => {
    expect(sinceNotFarAhead('2027-03-01', '2026-03-01')).toBe(true)
    expect(sinceNotFarAhead('2027-03-02', '2026-03-01')).toBe('开始日期在一年以后，请核对年份')
    expect(sinceNotFarAhead(undefined, '2026-03-01')).toBe(true)
  })

  it('tells upcoming, current and ended apart, both ends inclusive', () => {
    const p = { since: '2024-09-01', until: '2026-07-10' }
    expect(pairingPhase(p, '2024-08-31')).toBe('upcoming')
    expect(pairingPhase(p, '2024-09-01')).toBe('current')
    expect(pairingPhase(p, '2026-07-10')).toBe('current')
    expect(pairingPhase(p, '2026-07-11')).toBe('ended')
    expect(pairingPhase({ since: '2020-01-01' }, '2099-01-01')).toBe('current')
  })

  it('previews the period, place and what editors must know', () => {
    expect(pairingSubtitle({ since: '2020-09-01', prefecture: '定西市', county: '陇西县', showOnSite: true })).toBe(
      '2020-09-01 起 · 定西市陇西县',
    )
    expect(pairingSubtitle({ since: '2018-09-01', until: '2019-07-01', prefecture: '兰州市' })).toBe(
      '2018-09-01 起 至 2019-07-01 · 兰州市 · 已结束 · 不在网站显示',
    )
  })
})
