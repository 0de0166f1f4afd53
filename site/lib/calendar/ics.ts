/**
 * iCalendar feeds of talks (RFC 5545), made with ical-generator. Times are written in
 * Asia/Shanghai with its VTIMEZONE; UIDs come from the talk's _id so they stay the same across
 * builds and calendar apps update an event instead of duplicating it.
 */
import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
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

export function buildCalendar(options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: 'laomo', product: 'talks', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    // Apps that honour it refresh subscribed feeds twice a day.
    ttl: 12 * 3600,
    // No calendar-wide zone: ical-generator would then write DTSTAMP as local time, and RFC 5545
    // requires UTC there. Each event names its zone; the generator adds the VTIMEZONE for it.
    timezone: { name: null, generator: shanghaiTimezone },
  })
  for (const talk of options.talks) {
    const start = new Date(talk.startsAt)
    const end = talk.endsAt ? new Date(talk.endsAt) : new Date(start.getTime() + DEFAULT_DURATION_MS)
    const speakers = talk.speakers.map((s) => s.name).join('、')
    const url = absoluteUrl(talkPath(talk._id), options.site)
    calendar.createEvent({
      id: talkUid(talk._id, options.site),
      start: new TZDate(start.getTime(), TIME_ZONE),
      end: new TZDate(end.getTime(), TIME_ZONE),
      timezone: TIME_ZONE,
      stamp: options.stamp,
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
    })
  }
  const text = calendar.toString()
  // A calendar needs at least one component: an empty feed (nothing planned yet) keeps the zone.
  return options.talks.length > 0 ? text : text.replace('END:VCALENDAR', `${SHANGHAI_VTIMEZONE}\r\nEND:VCALENDAR`)
}

export function icsResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
