/**
 * iCalendar feeds of talks (RFC 5545), made with ical-generator. Times are written in
 * Asia/Shanghai with its VTIMEZONE; UIDs come from the talk's _id so they stay the same across
 * builds and calendar apps update an event instead of duplicating it.
 */
import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendarData, type ICalEventData } from 'ical-generator'
import { TIME_ZONE } from '../format'
import { absoluteUrl, talkPath } from '#domain/paths'

/**
 * China has kept UTC+8 without daylight saving since 1991, so the zone is one STANDARD
 * observance. Hand-written because ical-generator needs a VTIMEZONE generator and this is the
 * only zone we use.
 */
export const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19910915T020000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

export function shanghaiTimezone(zone: string): string | null {
  return zone === TIME_ZONE ? SHANGHAI_VTIMEZONE : null
}

export interface CalendarTalk {
  _id: string
  title: string
  startsAt: string
  endsAt?: string
  venueName: string
  prefecture: string
  county?: string
  location?: { lat: number; lng: number }
  status: 'planned' | 'held' | 'cancelled'
  summary?: string
  speakers: { name: string }[]
}

export interface CalendarOptions {
  /** Calendar name shown by the subscribing app. */
  name: string
  description?: string
  /** Site origin, e.g. https://laomo.example.org: UIDs and talk links are built from it. */
  site: string
  /** The build time: DTSTAMP of every event. */
  stamp: Date
  talks: readonly CalendarTalk[]
}

/** Talks without an end time are shown as two hours long. */
const DEFAULT_DURATION_MS = 2 * 3_600_000

export const talkUid = (talkId: string, site: string) => `${talkId}@${new URL(site).hostname}`

/** What every feed's calendar shares: events' text does not depend on the feed's name. */
const CALENDAR_OPTIONS = {
  prodId: { company: 'laomo', product: 'talks', language: 'ZH' },
  method: ICalCalendarMethod.PUBLISH,
  // Apps that honour it refresh subscribed feeds twice a day.
  ttl: 12 * 3600,
  // No calendar-wide zone: ical-generator would then write DTSTAMP as local time, and RFC 5545
  // requires UTC there. Each event names its zone; the generator adds the VTIMEZONE for it.
  timezone: { name: null, generator: shanghaiTimezone },
} satisfies ICalCalendarData

function eventData(talk: CalendarTalk, site: string, stamp: Date): ICalEventData {
  const start = new Date(talk.startsAt)
  const end = talk.endsAt ? new Date(talk.endsAt) : new Date(start.getTime() + DEFAULT_DURATION_MS)
  const speakers = talk.speakers.map((s) => s.name).join('、')
  const url = absoluteUrl(talkPath(talk._id), site)
  return {
    id: talkUid(talk._id, site),
    start: new TZDate(start.getTime(), TIME_ZONE),
    end: new TZDate(end.getTime(), TIME_ZONE),
    timezone: TIME_ZONE,
    stamp,
    summary: talk.status === 'cancelled' ? `【已取消】${talk.title}` : talk.title,
    description: [speakers && `宣讲劳模：${speakers}`, talk.summary, `详情：${url}`].filter(Boolean).join('\n'),
    location: {
      title: [talk.venueName, talk.county ? `${talk.prefecture}${talk.county}` : talk.prefecture].join('，'),
      ...(talk.location ? { geo: { lat: talk.location.lat, lon: talk.location.lng } } : {}),
    },
    url,
    status: talk.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // A cancellation is a change calendar apps must pick up over the earlier version.
    sequence: talk.status === 'cancelled' ? 1 : 0,
  }
}

/** The calendar exactly as ical-generator writes it, every event through it: the reference for buildCalendar. */
export function buildCalendarDirect(options: CalendarOptions): string {
  const calendar = ical({ ...CALENDAR_OPTIONS, name: options.name, description: options.description })
  for (const talk of options.talks) calendar.createEvent(eventData(talk, options.site, options.stamp))
  const text = calendar.toString()
  // A calendar needs at least one component: an empty feed (nothing planned yet) keeps the zone.
  return options.talks.length > 0 ? text : text.replace('END:VCALENDAR', `${SHANGHAI_VTIMEZONE}\r\nEND:VCALENDAR`)
}

/** UTF-8 length of one UTF-16 code unit on its own (a lone surrogate is written as U+FFFD). */
const unitBytes = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : 3)

/** UTF-8 length of the character at `i`, and how many code units it takes, as ical-generator splits them. */
function utf8At(text: string, i: number): [bytes: number, units: number] {
  const code = text.charCodeAt(i)
  if (code < 0xd800 || code > 0xdbff) return [unitBytes(code), 1]
  if (i + 1 >= text.length) return [3, 1]
  const next = text.charCodeAt(i + 1)
  // A high surrogate takes the next unit with it, whatever that is.
  return [next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + unitBytes(next), 2]
}

/**
 * RFC 5545 line folding at 75 octets, byte for byte as ical-generator's `foldLines` (ics.test.ts checks it),
 * which makes a TextEncoder for every character: most of a feed's time at 200× the sample.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      // No line of 24 code units or fewer can pass 74 octets (at most 3 a unit).
      if (line.length <= 24) return line
      let folded = ''
      let from = 0
      let octets = 0
      for (let i = 0; i < line.length;) {
        const [bytes, units] = utf8At(line, i)
        octets += bytes
        if (octets > 74) {
          folded += `${line.slice(from, i)}\r\n `
          from = i
          octets = bytes
        }
        i += units
      }
      return folded + line.slice(from)
    })
    .join('\r\n')
}

/**
 * Each talk's VEVENT, written once: an upcoming talk is in four feeds (its own, its prefecture's, each
 * speaker's and /calendar.ics). Keyed by the collection's entry object, which a build never changes.
 */
const eventTexts = new WeakMap<CalendarTalk, { site: string; stamp: number; text: string }>()

function eventText(talk: CalendarTalk, site: string, stamp: Date): string {
  const hit = eventTexts.get(talk)
  if (hit && hit.site === site && hit.stamp === stamp.getTime()) return hit.text
  const event = ical(CALENDAR_OPTIONS).createEvent(eventData(talk, site, stamp))
  const text = foldLines(event.toString())
  eventTexts.set(talk, { site, stamp: stamp.getTime(), text })
  return text
}

/**
 * The same text as buildCalendarDirect (ics.test.ts compares them), without writing an event twice:
 * ical-generator writes the calendar's own lines, and the events are put in where it would put them
 * (its zones before the refresh interval, events last). Lines are folded one by one, so folding
 * each event on its own gives the same bytes as folding the whole calendar.
 */
export function buildCalendar(options: CalendarOptions): string {
  if (options.talks.length === 0) return buildCalendarDirect(options)
  const shell = ical({ ...CALENDAR_OPTIONS, name: options.name, description: options.description }).toString()
  const zonesAt = shell.indexOf('\r\nREFRESH-INTERVAL') + 2
  const eventsAt = shell.lastIndexOf('END:VCALENDAR')
  if (zonesAt < 2 || eventsAt < zonesAt) throw new Error('ical-generator: unexpected calendar layout')
  const events = options.talks.map((talk) => eventText(talk, options.site, options.stamp))
  return `${shell.slice(0, zonesAt)}${SHANGHAI_VTIMEZONE}\r\n${shell.slice(zonesAt, eventsAt)}${events.join('')}END:VCALENDAR`
}

export function icsResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
