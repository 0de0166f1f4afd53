import { describe, expect, it } from 'vitest'
import { chinaYear } from '../format'
import { checkMapText, decodeMapPoints, encodeMapData, isLocated, talkAt, type TalkInput } from './data'

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

/** Encodes, sends through JSON (as the page does) and decodes every talk. */
function roundTrip(input: TalkInput[]) {
  const { points, text } = encodeMapData(input, { provider: 'bundled' })
  const columns = decodeMapPoints(JSON.parse(JSON.stringify(points)))
  const t = checkMapText(JSON.parse(JSON.stringify(text)), columns)
  return { points, text, columns, talks: input.map((_, i) => talkAt(columns, t, i)) }
}

describe('compact map data', () => {
  it('lists workers in the order of their names (as the worker filter suggests them), speakers intact', () => {
    const reversed: TalkInput[] = [
      { ...talks[0]!, speakers: [{ slug: 'wang-wu', name: '王五' }] },
      {
        ...talks[1]!,
        speakers: [
          { slug: 'zhao-liu', name: '赵六' },
          { slug: 'chen-yi', name: '陈一' },
        ],
      },
    ]
    const { points, text, talks: decoded } = roundTrip(reversed)
    expect(text.workers).toEqual(['陈一', '王五', '赵六'])
    expect(points.workers).toEqual(['chen-yi', 'wang-wu', 'zhao-liu'])
    expect(decoded.map((t) => t.speakers)).toEqual(reversed.map((t) => t.speakers))
  })

  it('round-trips every field, sharing workers, prefectures and tours through lookup tables', () => {
    const { points, text, talks: decoded } = roundTrip(talks)
    expect(points.workers).toEqual(['li-si', 'wang-wu'])
    expect(text.workers).toEqual(['李四', '王五'])
    expect(points.prefectures).toEqual(['兰州市', '天水市'])
    expect(points.tours).toEqual(['jin-qiye'])
    expect(text.tours).toEqual(['进企业'])
    expect(decoded).toEqual([
      {
        id: 'talk-a',
        title: talks[0]!.title,
        // In China time: past midnight there, still the year before in UTC.
        startsAt: '2027-01-01T00:30+08:00',
        year: 2027,
        when: '2027年1月1日 00:30',
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
        startsAt: '2025-03-01T10:00+08:00',
        year: 2025,
        when: '2025年3月1日 10:00',
        venueName: '某小学',
        venueType: 'school',
        prefecture: '天水市',
        status: 'held',
        speakers: [{ slug: 'li-si', name: '李四' }],
      },
    ])
  })

  it('keeps only numbers per talk in the points, and every text in the text file', () => {
    const { points, text } = roundTrip(talks)
    expect(points.lat).toEqual([3608812, null])
    expect(points.lng).toEqual([10362835, null])
    expect(points.year).toEqual([2027, 2025])
    expect(points.speakerCount).toEqual([2, 1])
    expect(points.speakers).toEqual([0, 1, 0])
    expect(points.tour).toEqual([0, -1])
    const json = JSON.stringify(points)
    for (const word of ['talk-a', '工匠', '兰州石化', '西固区', '李四', '进企业', '2026-12-31'])
      expect(json).not.toContain(word)
    expect(text.ids).toEqual(['talk-a', 'talk-b'])
    expect(text.counties).toEqual(['西固区', ''])
  })

  it('keeps quotes, backslashes, markup and line breaks in text intact', () => {
    const odd = '"引号" \\ <b>&amp;</b>\n\u2028 \'单\''
    const { talks: decoded } = roundTrip([
      { ...talks[0]!, _id: 'a"b\\c', title: odd, venueName: odd, county: odd, speakers: [{ slug: 's"1', name: odd }] },
    ])
    expect(decoded[0]).toMatchObject({
      id: 'a"b\\c',
      title: odd,
      venueName: odd,
      county: odd,
      speakers: [{ slug: 's"1', name: odd }],
    })
  })

  it('handles a talk without location, speakers or tour', () => {
    const bare: TalkInput = { ...talks[1]!, _id: 'bare', speakers: [] }
    const { columns, talks: decoded } = roundTrip([bare, talks[0]!])
    expect(isLocated(columns, 0)).toBe(false)
    expect(isLocated(columns, 1)).toBe(true)
    expect(decoded[0]).toEqual({
      id: 'bare',
      title: '劳动最光荣',
      startsAt: '2025-03-01T10:00+08:00',
      year: 2025,
      when: '2025年3月1日 10:00',
      venueName: '某小学',
      venueType: 'school',
      prefecture: '天水市',
      status: 'held',
      speakers: [],
    })
    // The next talk's speakers are not shifted by the empty list before them.
    expect(decoded[1]!.speakers).toEqual(talks[0]!.speakers)
  })

  it('handles no talks at all', () => {
    const { columns, talks: decoded } = roundTrip([])
    expect(columns.size).toBe(0)
    expect(decoded).toEqual([])
  })

  it('makes the points much smaller than the plain JSON of the same talks', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...talks[i % 2]!, _id: `talk-${i}` }))
    const { points, text } = encodeMapData(many, { provider: 'bundled' })
    expect(JSON.stringify(points).length).toBeLessThan(JSON.stringify(many).length * 0.2)
    expect(JSON.stringify(points).length + JSON.stringify(text).length).toBeLessThan(JSON.stringify(many).length * 0.6)
  })

  it('rejects data of an unknown format, or text that does not belong to the points, with a clear error', () => {
    expect(() => decodeMapPoints({ v: 1 } as never)).toThrow(/points: unknown format/)
    const { points, text } = encodeMapData(talks, { provider: 'bundled' })
    const columns = decodeMapPoints(points)
    expect(() => checkMapText({ v: 1 } as never, columns)).toThrow(/text: unknown format/)
    expect(() => checkMapText({ ...text, ids: ['x'] }, columns)).toThrow(/does not match/)
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
