/**
 * Every calendar feed in the build, parsed by an independent parser (ical.js), with event counts
 * computed from the dataset through the content module.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { getContentSource } from '../../site/lib/content/executors'
import { PREFECTURES } from '#domain/region'
import { STATIC_DIR } from './harness'

interface Talk {
  _id: string
  status: string
  prefecture: string
  speakers: string[]
}

let talks: Talk[]
let workers: string[]
let builtAt: string

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  expect(calendar.name).toBe('vcalendar')
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy()
  const zones = calendar.getAllSubcomponents('vtimezone')
  expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Asia/Shanghai'])
  const events = calendar.getAllSubcomponents('vevent')
  for (const e of events) {
    // RFC 5545 required properties, and our promises: zoned times, UTC stamp, link, location.
    expect(e.getFirstPropertyValue('uid')).toMatch(/^talk-[\w-]+@/)
    expect(e.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai')
    expect(e.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Asia/Shanghai')
    expect(String(e.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/)
    expect(e.getFirstPropertyValue('location')).toBeTruthy()
    expect(String(e.getFirstPropertyValue('url'))).toMatch(/\/talks\/talk-[\w-]+\/$/)
  }
  return events
}

const read = (rel: string) => readFile(path.join(STATIC_DIR, rel), 'utf8')
const uids = (events: ICAL.Component[]) =>
  events.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]).sort()
const ids = (list: Talk[]) => list.map((t) => t._id).sort()

beforeAll(async () => {
  // "Upcoming" is relative to the build: every event carries the build time as DTSTAMP.
  const all = parseFeed(await read('calendar.ics'))
  builtAt = all[0]!.getFirstPropertyValue('dtstamp')!.toString()
  const source = await getContentSource({})
  talks = await source.fetch<Talk[]>(
    `*[_type == "talk" && status != "held" && dateTime(startsAt) > dateTime($now)]{
      _id, status, prefecture, "speakers": speakers[]->slug.current
    }`,
    { now: new Date(builtAt).toISOString() },
  )
  workers = await source.fetch<string[]>(`*[_type == "modelWorker"].slug.current`)
})

describe('calendar feeds', () => {
  it('/calendar.ics holds every upcoming talk, cancelled ones marked cancelled', async () => {
    const events = parseFeed(await read('calendar.ics'))
    expect(talks.length).toBeGreaterThan(0)
    expect(uids(events)).toEqual(ids(talks))
    const cancelled = events.filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED')
    expect(uids(cancelled)).toEqual(ids(talks.filter((t) => t.status === 'cancelled')))
  })

  it('one feed per model worker with that worker’s upcoming talks', async () => {
    const files = await readdir(path.join(STATIC_DIR, 'calendar/workers'))
    expect(files.sort()).toEqual(workers.map((w) => `${w}.ics`).sort())
    for (const slug of workers) {
      const events = parseFeed(await read(`calendar/workers/${slug}.ics`))
      expect(uids(events), slug).toEqual(ids(talks.filter((t) => t.speakers.includes(slug))))
    }
  })

  it('one feed per prefecture', async () => {
    let total = 0
    for (const p of PREFECTURES) {
      const events = parseFeed(await read(`calendar/prefectures/${p.slug}.ics`))
      expect(uids(events), p.name).toEqual(ids(talks.filter((t) => t.prefecture === p.name)))
      total += events.length
    }
    expect(total).toBe(talks.length)
  })

  it('a one-event file for every upcoming talk', async () => {
    const files = await readdir(path.join(STATIC_DIR, 'calendar/talks'))
    expect(files.sort()).toEqual(talks.map((t) => `${t._id}.ics`).sort())
    for (const t of talks) expect(uids(parseFeed(await read(`calendar/talks/${t._id}.ics`)))).toEqual([t._id])
  })
})
