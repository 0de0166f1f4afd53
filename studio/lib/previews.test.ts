import { describe, expect, it } from 'vitest'
import { photoSubtitle, requestSubtitle, talkSubtitle } from './previews'

describe('preview subtitles', () => {
  it('talk: Beijing date · venue · type, cancelled named', () => {
    expect(
      talkSubtitle({
        startsAt: '2025-01-08T17:00:00Z',
        venueName: '古浪县某中学',
        venueType: 'school',
        status: 'held',
      }),
    ).toBe('2025-01-09 · 古浪县某中学 · 校园')
    expect(talkSubtitle({ venueType: 'enterprise', status: 'cancelled' })).toBe('未定日期 · 企业 · 已取消')
  })
  it('photo: flags missing consent and alt text before date and place', () => {
    expect(photoSubtitle({ takenAt: '2025-01-08', place: '兰州', alt: 'x' })).toBe('2025-01-08 · 兰州')
    expect(photoSubtitle({ showsMinors: true, alt: ' ' })).toBe('⚠ 未成年人缺少监护人同意 · ⚠ 缺少替代文字')
    expect(photoSubtitle({ showsMinors: true, minorsConsent: true, alt: 'x' })).toBe('')
  })
  it('request: status · date · prefecture · topic', () => {
    expect(requestSubtitle({ receivedAt: '2026-11-18T02:12:00Z', prefecture: '兰州市', topic: '劳动教育' })).toBe(
      '新申请 · 2026-11-18 · 兰州市 · 劳动教育',
    )
  })
  it('request for a menu topic with any worker says so; any worker without a topic adds nothing', () => {
    expect(requestSubtitle({ status: 'contacted', topic: '一颗螺丝钉', anyWorker: true })).toBe(
      '已联系 · 一颗螺丝钉 · 任一劳模',
    )
    expect(requestSubtitle({ status: 'contacted', anyWorker: true })).toBe('已联系')
  })
})
