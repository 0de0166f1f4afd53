import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { toDisplay } from '../../../studio/lib/map/datum'
import { providerSpec } from '../../../studio/lib/map/providers'
import type { MapTalk } from './data'
import { filterTalks, markerPoints, parseState, serialiseState, statusText, vocabularyOf, type MapState } from './state'

const talk = (id: string, over: Partial<MapTalk>): MapTalk => ({
  id,
  title: id,
  startsAt: '2026-05-01T02:00:00Z',
  year: 2026,
  venueName: 'v',
  venueType: 'enterprise',
  prefecture: '兰州市',
  status: 'held',
  speakers: [{ slug: 'li-si', name: '李四' }],
  location: { lat: 36.061, lng: 103.834 },
  ...over,
})

const talks = [
  talk('t1', {}),
  talk('t2', { venueType: 'school', prefecture: '天水市', year: 2025, status: 'planned' }),
  talk('t3', { venueType: 'school', tour: { slug: 'xiaoyuan', title: '进校园' }, location: undefined }),
  talk('t4', { venueType: 'community', speakers: [{ slug: 'wang-wu', name: '王五' }], status: 'cancelled' }),
]
const vocab = vocabularyOf(talks)

describe('map state in the URL', () => {
  it('round-trips every filter and the selected talk', () => {
    const state: MapState = {
      type: 'school',
      prefecture: '天水市',
      year: 2025,
      worker: 'li-si',
      tour: 'xiaoyuan',
      status: 'planned',
      talk: 't2',
    }
    const query = serialiseState(state)
    expect(query).toBe(
      '?type=school&prefecture=%E5%A4%A9%E6%B0%B4%E5%B8%82&year=2025&worker=li-si&tour=xiaoyuan&status=planned&talk=t2',
    )
    expect(parseState(query, vocab)).toEqual({ state, ignored: [] })
    expect(serialiseState({})).toBe('')
    expect(parseState('', vocab)).toEqual({ state: {}, ignored: [] })
  })

  it('drops and names values the data does not know', () => {
    const { state, ignored } = parseState(
      '?type=factory&prefecture=北京市&year=19&worker=nobody&talk=t9&status=held',
      vocab,
    )
    expect(state).toEqual({ status: 'held' })
    expect(ignored).toEqual(['type=factory', 'prefecture=北京市', 'year=19', 'worker=nobody', 'talk=t9'])
  })
})

describe('filtering', () => {
  const ids = (s: MapState) => filterTalks(talks, s).map((t) => t.id)
  it('applies each filter, and all of them together', () => {
    expect(ids({})).toEqual(['t1', 't2', 't3', 't4'])
    expect(ids({ type: 'school' })).toEqual(['t2', 't3'])
    expect(ids({ prefecture: '天水市' })).toEqual(['t2'])
    expect(ids({ year: 2026 })).toEqual(['t1', 't3', 't4'])
    expect(ids({ worker: 'wang-wu' })).toEqual(['t4'])
    expect(ids({ tour: 'xiaoyuan' })).toEqual(['t3'])
    expect(ids({ status: 'cancelled' })).toEqual(['t4'])
    expect(ids({ type: 'school', year: 2026, worker: 'li-si' })).toEqual(['t3'])
    expect(statusText(3)).toBe('共 3 场报告会')
  })
})

describe('marker data', () => {
  it('has one marker per talk with a location, in WGS84 for 天地图 and GCJ-02 for Gaode', () => {
    const tianditu = providerSpec({ provider: 'tianditu-vec', key: 'k' })
    const wgs = markerPoints(talks, (p) => toDisplay(p, tianditu))
    expect(wgs.map((m) => m.id)).toEqual(['t1', 't2', 't4'])
    expect(wgs[0]).toEqual({ id: 't1', venueType: 'enterprise', position: { lat: 36.061, lng: 103.834 } })
    const gaode = providerSpec({ provider: 'gaode' })
    const gcj = markerPoints(talks, (p) => toDisplay(p, gaode))
    const [lng, lat] = gcoord.transform([103.834, 36.061], gcoord.WGS84, gcoord.GCJ02)
    expect(gcj[0]!.position).toEqual({ lat, lng })
    expect(gcj[0]!.position).not.toEqual(wgs[0]!.position)
  })
})
