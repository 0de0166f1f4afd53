import { describe, expect, it } from 'vitest'
import { chinaYear } from '../format'
import { gzipSync } from 'node:zlib'
import { checkMapText, decodeMapPoints, encodeMapData, isLocated, talkAt, type TalkInput } from './data'
import { filterTalks, type Filters } from './state'
import { generateTalks, PREFECTURES, random, STATUSES, TYPES } from './testTalks'

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
    // Delta-coded: li-si (0), wang-wu (0 + 1), li-si (1 - 1).
    expect(points.speakers).toEqual([0, 1, -1])
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

/** The filter applied to the talks as the build got them: what the coded columns must agree with. */
function filterInput(talks: TalkInput[], f: Filters): number[] {
  return talks.flatMap((t, i) =>
    (f.type && t.venueType !== f.type) ||
    (f.status && t.status !== f.status) ||
    (f.prefecture && t.prefecture !== f.prefecture) ||
    (f.year && chinaYear(t.startsAt) !== f.year) ||
    (f.tour && t.tour?.slug !== f.tour) ||
    (f.worker && !t.speakers.some((s) => s.slug === f.worker))
      ? []
      : [i],
  )
}

describe('delta-coded positions and speakers (generated data)', () => {
  it('decode to the positions (to 1e-5°) and speakers the build was given', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = generateTalks(seed, 1 + seed * 7)
      const { talks: decoded } = roundTrip(input)
      input.forEach((t, i) => {
        expect(decoded[i]!.speakers).toEqual(t.speakers)
        if (!t.location) expect(decoded[i]!.location).toBeUndefined()
        else {
          expect(decoded[i]!.location!.lat).toBeCloseTo(t.location.lat, 5)
          expect(decoded[i]!.location!.lng).toBeCloseTo(t.location.lng, 5)
        }
      })
    }
  })

  it('filter the same talks as the input data does, for every filter', () => {
    for (let seed = 21; seed <= 30; seed++) {
      const input = generateTalks(seed, 150)
      const { columns } = roundTrip(input)
      const r = random(seed)
      for (let k = 0; k < 40; k++) {
        const some = <T>(xs: readonly T[]) => (r() < 0.5 ? undefined : xs[Math.floor(r() * xs.length)])
        const f: Filters = {
          type: some(TYPES),
          status: some(STATUSES),
          prefecture: some(PREFECTURES),
          year: some([2025, 2026, 2027]),
          tour: some(['tour-0', 'tour-1', 'tour-2']),
          worker: some(input.flatMap((t) => t.speakers.map((s) => s.slug))),
        }
        expect(filterTalks(columns, f)).toEqual(filterInput(input, f))
      }
    }
  })

  it('code a talk near the previous one of its prefecture as a short number, whatever lies between', () => {
    const base = generateTalks(99, 3).map((t) => ({ ...t, location: undefined }))
    const at = (lat: number, prefecture: string): TalkInput => ({
      ...base[0]!,
      prefecture,
      location: { lat, lng: 100 },
    })
    const { points } = encodeMapData([at(36, '兰州市'), at(40, '酒泉市'), at(36.001, '兰州市')], {
      provider: 'bundled',
    })
    expect(points.lat).toEqual([3600000, 4000000, 100])
    expect(points.lng).toEqual([10000000, 10000000, 0])
  })

  it('make positions smaller than absolute ones when talks lie within their prefecture', () => {
    // Each prefecture a 1° box of its own within the province's ~14°: no two talks at one place.
    const r = random(7)
    const centres = PREFECTURES.map(() => ({ lat: 33 + r() * 8, lng: 94 + r() * 12 }))
    const input = generateTalks(7, 3000).map((t) => {
      const p = Math.floor(r() * PREFECTURES.length)
      const location = { lat: centres[p]!.lat + r() - 0.5, lng: centres[p]!.lng + r() - 0.5 }
      return { ...t, prefecture: PREFECTURES[p]!, location }
    })
    const { points } = encodeMapData(input, { provider: 'bundled' })
    const absolute = input.map((t) => Math.round(t.location.lat * 1e5))
    const gz = (value: unknown) => gzipSync(JSON.stringify(value)).length
    expect(gz(points.lat)).toBeLessThan(gz(absolute) * 0.95)
  })
})
