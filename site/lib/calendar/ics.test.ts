import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { foldLines as icalFoldLines } from 'ical-generator'
import { buildCalendar, buildCalendarDirect, foldLines, SHANGHAI_VTIMEZONE } from './ics'
import { feedTalksBySpeaker, upcomingTalks, type FeedTalk } from './feeds'

const SITE = 'https://laomo.example.org'
const STAMP = new Date('2026-11-24T00:00:00Z')

const talk = (over: Partial<FeedTalk> = {}): FeedTalk => ({
  _id: 'talk-001',
  title: '劳模进校园——某中学专场',
  startsAt: '2026-12-01T07:00:00Z',
  endsAt: '2026-12-01T08:30:00Z',
  venueName: '某中学礼堂',
  prefecture: '兰州市',
  county: '城关区',
  location: { lat: 36.06, lng: 103.83 },
  status: 'planned',
  summary: '围绕工匠精神作报告',
  speakers: [{ name: '王建国', slug: 'wang-jianguo' }],
  ...over,
})

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text))
  return { component, events: component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) }
}

describe('buildCalendar', () => {
  it('writes times in Asia/Shanghai with its VTIMEZONE, a stable UID, location, geo and link', () => {
    const text = buildCalendar({ name: '测试', site: SITE, stamp: STAMP, talks: [talk()] })
    expect(text).toContain('\r\n')
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261201T150000')
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261201T163000')
    expect(text).toContain('DTSTAMP:20261124T000000Z')
    const { component, events } = parse(text)
    const zone = component.getFirstSubcomponent('vtimezone')!
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai')
    const tz = new ICAL.Timezone(zone)
    const event = events[0]!
    event.startDate.zone = tz
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T07:00:00.000Z')
    expect(event.uid).toBe('talk-001@laomo.example.org')
    expect(event.location).toBe('某中学礼堂，兰州市城关区')
    expect(event.component.getFirstPropertyValue('geo')).toEqual([36.06, 103.83])
    expect(event.component.getFirstPropertyValue('url')).toBe(`${SITE}/talks/talk-001/`)
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(event.description).toContain('王建国')
  })

  it('keeps UIDs and content identical across builds', () => {
    const options = { name: '测试', site: SITE, stamp: STAMP, talks: [talk(), talk({ _id: 'talk-002' })] }
    expect(buildCalendar(options)).toBe(buildCalendar(options))
  })

  it('marks a cancelled talk cancelled and gives a talk without an end two hours', () => {
    const text = buildCalendar({
      name: '测试',
      site: SITE,
      stamp: STAMP,
      talks: [talk({ status: 'cancelled', endsAt: undefined, location: undefined })],
    })
    const event = parse(text).events[0]!
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.summary).toContain('已取消')
    expect(event.component.getFirstPropertyValue('geo')).toBeNull()
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261201T170000')
  })

  it('keeps a valid calendar (with the zone) when nothing is planned', () => {
    const text = buildCalendar({ name: '空', site: SITE, stamp: STAMP, talks: [] })
    const { component, events } = parse(text)
    expect(events).toHaveLength(0)
    expect(component.getAllSubcomponents('vtimezone')).toHaveLength(1)
  })

  it('describes China time with no daylight saving since 1991', () => {
    const zone = new ICAL.Timezone(
      new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${SHANGHAI_VTIMEZONE}\r\nEND:VCALENDAR`)).getFirstSubcomponent(
        'vtimezone',
      )!,
    )
    for (const month of [1, 7]) {
      const t = ICAL.Time.fromData({ year: 2027, month, day: 1, hour: 12 }, zone)
      expect(zone.utcOffset(t)).toBe(8 * 3600)
    }
  })
})

describe('feeds', () => {
  it('lists upcoming talks nearest first, cancelled included, held and past left out', () => {
    const now = new Date('2026-11-24T00:00:00Z')
    const list = upcomingTalks(
      [
        talk({ _id: 'late', startsAt: '2027-01-01T00:00:00Z' }),
        talk({ _id: 'soon', startsAt: '2026-11-25T00:00:00Z' }),
        talk({ _id: 'gone', startsAt: '2026-11-01T00:00:00Z' }),
        talk({ _id: 'held', startsAt: '2026-12-01T00:00:00Z', status: 'held' }),
        talk({ _id: 'off', startsAt: '2026-12-02T00:00:00Z', status: 'cancelled' }),
      ],
      now,
    )
    expect(list.map((t) => t._id)).toEqual(['soon', 'off', 'late'])
  })
  it('groups talks by speaker slug, in the list’s order, each talk once per speaker', () => {
    const both = [
      { name: '某', slug: 'mou' },
      { name: '王建国', slug: 'wang-jianguo' },
      { name: '某', slug: 'mou' },
    ]
    const list = [
      talk(),
      talk({ _id: 'other', speakers: [{ name: '某', slug: 'mou' }] }),
      talk({ _id: 'both', speakers: both }),
    ]
    const groups = feedTalksBySpeaker(list)
    expect(groups.get('mou')?.map((t) => t._id)).toEqual(['other', 'both'])
    expect(groups.get('wang-jianguo')?.map((t) => t._id)).toEqual(['talk-001', 'both'])
    expect(groups.get('nobody')).toBeUndefined()
  })
})

describe('buildCalendar at scale', () => {
  // Deterministic pseudo-random text: ASCII, CJK, accents, emoji (surrogate pairs), lone surrogates, line breaks.
  const PIECES = [
    'a',
    'Z',
    ' ',
    ',',
    ';',
    '\\',
    '\n',
    '劳',
    '模',
    '宣讲',
    'é',
    'ß',
    '😀',
    '👩‍🔧',
    '\ud800',
    '\udc00',
    '—',
  ]
  const rng = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const text = (next: () => number, max: number) =>
    Array.from({ length: Math.floor(next() * max) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')

  it('folds lines exactly as ical-generator does', () => {
    const next = rng(7)
    for (let n = 0; n < 500; n++) {
      const input = Array.from({ length: 1 + Math.floor(next() * 4) }, () => text(next, 120)).join('\r\n')
      expect(foldLines(input)).toBe(icalFoldLines(input))
    }
  })

  it('writes the same calendar as ical-generator with every event, for varied talks', () => {
    const next = rng(11)
    const talks = Array.from({ length: 60 }, (_, i) =>
      talk({
        _id: `talk-${i}`,
        title: text(next, 60) || '无题',
        summary: next() < 0.3 ? undefined : text(next, 200),
        venueName: text(next, 30),
        county: next() < 0.5 ? undefined : '城关区',
        location: next() < 0.3 ? undefined : { lat: 30 + next() * 10, lng: 95 + next() * 10 },
        status: next() < 0.2 ? 'cancelled' : 'planned',
        endsAt: next() < 0.3 ? undefined : '2026-12-01T09:00:00Z',
        speakers: [{ name: text(next, 8) || '某', slug: 'x' }],
      }),
    )
    for (const count of [0, 1, 2, 60]) {
      const options = {
        name: text(next, 90),
        description: text(next, 90),
        site: SITE,
        stamp: STAMP,
        talks: talks.slice(0, count),
      }
      // Twice: the second call reuses each talk's written event.
      expect(buildCalendar(options)).toBe(buildCalendarDirect(options))
      expect(buildCalendar(options)).toBe(buildCalendarDirect(options))
    }
    // Another build time or site writes the events again.
    const later = { name: 'x', site: 'https://other.example.org', stamp: new Date('2027-01-01T00:00:00Z'), talks }
    expect(buildCalendar(later)).toBe(buildCalendarDirect(later))
  })
})
