import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { toDisplay } from '../../../studio/lib/map/datum'
import { providerSpec } from '../../../studio/lib/map/providers'
import { decodeMapPoints, encodeMapData, type TalkInput } from './data'
import { filterTalks, markerPoints, parseState, serialiseState, statusText, vocabularyOf, type MapState } from './state'

const talk = (id: string, over: Partial<TalkInput>): TalkInput => ({
  _id: id,
  title: id,
  startsAt: '2026-05-01T02:00:00Z',
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
  talk('t2', { venueType: 'school', prefecture: '天水市', startsAt: '2025-05-01T02:00:00Z', status: 'planned' }),
  talk('t3', { venueType: 'school', tour: { slug: 'xiaoyuan', title: '进校园' }, location: undefined }),
  talk('t4', { venueType: 'community', speakers: [{ slug: 'wang-wu', name: '王五' }], status: 'cancelled' }),
]
const columns = decodeMapPoints(encodeMapData(talks, { provider: 'bundled' }).points)
const vocab = vocabularyOf(columns, new Set(talks.map((t) => t._id)))

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
  const ids = (s: MapState) => filterTalks(columns, s).map((i) => talks[i]!._id)
  it('applies each filter, and all of them together', () => {
    expect(ids({})).toEqual(['t1', 't2', 't3', 't4'])
    expect(ids({ type: 'school' })).toEqual(['t2', 't3'])
    expect(ids({ prefecture: '天水市' })).toEqual(['t2'])
    expect(ids({ year: 2026 })).toEqual(['t1', 't3', 't4'])
    expect(ids({ worker: 'wang-wu' })).toEqual(['t4'])
    expect(ids({ tour: 'xiaoyuan' })).toEqual(['t3'])
    expect(ids({ status: 'cancelled' })).toEqual(['t4'])
    expect(ids({ type: 'school', year: 2026, worker: 'li-si' })).toEqual(['t3'])
    expect(ids({ worker: 'nobody' })).toEqual([])
    expect(statusText(3)).toBe('共 3 场报告会')
  })
})

describe('marker data', () => {
  it('has one marker per talk with a location, in WGS84 for 天地图 and GCJ-02 for Gaode', () => {
    const tianditu = providerSpec({ provider: 'tianditu-vec', key: 'k' })
    const wgs = markerPoints(columns, (p) => toDisplay(p, tianditu))
    expect(wgs.map((m) => talks[m.index]!._id)).toEqual(['t1', 't2', 't4'])
    expect(wgs[0]).toEqual({ index: 0, venueType: 'enterprise', position: { lat: 36.061, lng: 103.834 } })
    const gaode = providerSpec({ provider: 'gaode' })
    const gcj = markerPoints(columns, (p) => toDisplay(p, gaode))
    const [lng, lat] = gcoord.transform([103.834, 36.061], gcoord.WGS84, gcoord.GCJ02)
    expect(gcj[0]!.position).toEqual({ lat, lng })
    expect(gcj[0]!.position).not.toEqual(wgs[0]!.position)
  })
})
