import { describe, expect, it } from 'vitest'
import { chinaYear, decodeMapData, encodeMapData, type TalkInput } from './data'

const talks: TalkInput[] = [
  {
    _id: 'talk-a',
    title: '工匠精神 <进> 车间',
    startsAt: '2026-12-31T16:30:00Z',
    venueName: '兰州石化',
    venueType: 'enterprise',
    prefecture: '兰州市',
    county: '西固区',
    status: 'planned',
    location: { lat: 36.0881234, lng: 103.6283456 },
    speakers: [
      { slug: 'li-si', name: '李四' },
      { slug: 'wang-wu', name: '王五' },
    ],
    tour: { slug: 'jin-qiye', title: '进企业' },
  },
  {
    _id: 'talk-b',
    title: '劳动最光荣',
    startsAt: '2025-03-01T02:00:00Z',
    venueName: '某小学',
    venueType: 'school',
    prefecture: '天水市',
    status: 'held',
    speakers: [{ slug: 'li-si', name: '李四' }],
  },
]

describe('compact map data', () => {
  it('round-trips every field, sharing workers, prefectures and tours through lookup tables', () => {
    const data = encodeMapData(talks, { provider: 'bundled' })
    expect(data.workers).toEqual([
      ['li-si', '李四'],
      ['wang-wu', '王五'],
    ])
    expect(data.prefectures).toEqual(['兰州市', '天水市'])
    const decoded = decodeMapData(JSON.parse(JSON.stringify(data)))
    expect(decoded).toEqual([
      {
        id: 'talk-a',
        title: talks[0]!.title,
        startsAt: talks[0]!.startsAt,
        year: 2027,
        venueName: '兰州石化',
        venueType: 'enterprise',
        prefecture: '兰州市',
        county: '西固区',
        status: 'planned',
        location: { lat: 36.08812, lng: 103.62835 },
        speakers: talks[0]!.speakers,
        tour: talks[0]!.tour,
      },
      {
        id: 'talk-b',
        title: '劳动最光荣',
        startsAt: talks[1]!.startsAt,
        year: 2025,
        venueName: '某小学',
        venueType: 'school',
        prefecture: '天水市',
        status: 'held',
        speakers: [{ slug: 'li-si', name: '李四' }],
      },
    ])
  })

  it('is smaller than the plain JSON of the same talks', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...talks[i % 2]!, _id: `talk-${i}` }))
    expect(JSON.stringify(encodeMapData(many, { provider: 'bundled' })).length).toBeLessThan(
      JSON.stringify(many).length * 0.6,
    )
  })

  it('rejects data of an unknown format with a clear error', () => {
    expect(() => decodeMapData({ v: 2 } as never)).toThrow(/unknown format/)
  })

  it('counts the year in China time', () => {
    expect(chinaYear('2026-12-31T15:59:00Z')).toBe(2026)
    expect(chinaYear('2026-12-31T16:00:00Z')).toBe(2027)
    expect(chinaYear('2026-12-31T23:59:59.999Z')).toBe(2027)
    expect(chinaYear('2026-12-30T20:00:00Z')).toBe(2026)
    expect(chinaYear('2027-01-01T00:00:00Z')).toBe(2027)
    // Other forms go through Date.
    expect(chinaYear('2026-12-31T23:30:00+08:00')).toBe(2026)
    expect(chinaYear('2026-12-31T10:00:00-08:00')).toBe(2027)
  })
})
