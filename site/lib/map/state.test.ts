import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { toDisplay } from '#domain/map/datum'
import { providerSpec } from '#domain/map/providers'
import { decodeMapPoints, encodeMapData, type TalkInput } from './data'
import {
  displayPositions,
  filterTalks,
  matchWorker,
  parseState,
  serialiseState,
  statusText,
  vocabularyOf,
  workerChoices,
  type MapState,
} from './state'

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
  it('places each talk with a location, in WGS84 for 天地图 and GCJ-02 for Gaode; NaN for the others', () => {
    const tianditu = providerSpec({ provider: 'tianditu-vec', key: 'k' })
    const wgs = displayPositions(columns, (p) => toDisplay(p, tianditu))
    const located = talks.flatMap((t, i) => (Number.isNaN(wgs.lat[i]!) ? [] : [t._id]))
    expect(located).toEqual(['t1', 't2', 't4'])
    expect(Number.isNaN(wgs.lng[2]!)).toBe(true)
    expect([wgs.lat[0], wgs.lng[0]]).toEqual([36.061, 103.834])
    const gaode = providerSpec({ provider: 'gaode' })
    const gcj = displayPositions(columns, (p) => toDisplay(p, gaode))
    const [lng, lat] = gcoord.transform([103.834, 36.061], gcoord.WGS84, gcoord.GCJ02)
    expect([gcj.lat[0], gcj.lng[0]]).toEqual([lat, lng])
    expect(gcj.lat[0]).not.toBe(wgs.lat[0])
  })
})

describe('worker filter', () => {
  const choices = workerChoices([
    ['cairang-zhuoma', '才让卓玛'],
    ['wang-li', '王丽'],
    ['wang-li-2', '王丽'],
    ['li-si', '李四'],
  ])

  it('labels each worker by name, adding the slug only where two share a name', () => {
    expect(choices).toEqual([
      ['cairang-zhuoma', '才让卓玛'],
      ['wang-li', '王丽（wang-li）'],
      ['wang-li-2', '王丽（wang-li-2）'],
      ['li-si', '李四'],
    ])
  })

  it('finds the worker a reader typed: a whole label, or a part only one label has', () => {
    expect(matchWorker('李四', choices)).toBe('li-si')
    expect(matchWorker(' 才让卓玛 ', choices)).toBe('cairang-zhuoma')
    expect(matchWorker('卓玛', choices)).toBe('cairang-zhuoma')
    expect(matchWorker('王丽（wang-li-2）', choices)).toBe('wang-li-2')
    // Two workers answer to 王丽, none to 张三: the reader must choose.
    expect(matchWorker('王丽', choices)).toBeNull()
    expect(matchWorker('张三', choices)).toBeNull()
    expect(matchWorker('  ', choices)).toBe('')
  })
})
