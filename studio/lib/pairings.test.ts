import { describe, expect, it } from 'vitest'
import { pairingSubtitle } from './pairings'

describe('pairing previews', () => {
  it('show the period, place and what editors must know', () => {
    const today = '2026-03-01'
    expect(
      pairingSubtitle({ since: '2020-09-01', prefecture: '定西市', county: '陇西县', showOnSite: true }, today),
    ).toBe('2020-09-01 起 · 定西市陇西县')
    expect(pairingSubtitle({ since: '2018-09-01', until: '2019-07-01', prefecture: '兰州市' }, today)).toBe(
      '2018-09-01 起 至 2019-07-01 · 兰州市 · 已结束 · 不在网站显示',
    )
    expect(pairingSubtitle({}, today)).toBe('未填写开始日期 · 不在网站显示')
  })
})
