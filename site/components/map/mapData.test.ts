import { afterEach, describe, expect, it, vi } from 'vitest'
import { toDisplay } from '#domain/map/datum'
import { providerSpec, type MapConfig } from '#domain/map/providers'
import { encodeMapData, type TalkInput } from '../../lib/map/data'
import { datumShift, fetchOk, loadMapData } from './mapData'

const talks: TalkInput[] = [
  {
    _id: 'talk-a',
    title: '工匠精神',
    startsAt: '2026-05-01T02:00:00Z',
    venueName: '兰州石化',
    venueType: 'enterprise',
    prefecture: '兰州市',
    status: 'held',
    location: { lat: 36.08812, lng: 103.62834 },
    speakers: [{ slug: 'li-si', name: '李四' }],
  },
]

/** A fetch that answers from `files` (404 for others) and records the order of the requests. */
function serve(files: Record<string, unknown>) {
  const requested: string[] = []
  const fetch = vi.fn(async (url: string) => {
    requested.push(url)
    const body = files[url]
    const response = new Response(body === undefined ? 'missing' : JSON.stringify(body), {
      status: body === undefined ? 404 : 200,
    })
    Object.defineProperty(response, 'url', { value: `https://example.test${url}` })
    return response
  })
  vi.stubGlobal('fetch', fetch)
  return requested
}

afterEach(() => vi.unstubAllGlobals())

describe('the map data in the island', () => {
  it('requests the text with the points, decodes the points, and parses the text when asked', async () => {
    const { points, text } = encodeMapData(talks, { provider: 'bundled' })
    const requested = serve({ '/p.json': points, '/t.json': text })
    const data = await loadMapData('/p.json', '/t.json')
    expect(requested).toEqual(['/t.json', '/p.json'])
    expect(data.columns.size).toBe(1)
    expect([data.columns.lat[0], data.columns.lng[0]]).toEqual([36.08812, 103.62834])
    expect(await data.readText()).toEqual(text)
  })

  it('fails when the points cannot be fetched, naming the status and file', async () => {
    serve({ '/t.json': {} })
    await expect(loadMapData('/p.json', '/t.json')).rejects.toThrow('map data: 404 https://example.test/p.json')
  })

  it('reports a missing text file only when the text is read', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    serve({ '/p.json': encodeMapData(talks, { provider: 'bundled' }).points })
    const data = await loadMapData('/p.json', '/t.json')
    await new Promise((resolve) => setTimeout(resolve, 10))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
    await expect(data.readText()).rejects.toThrow('404')
  })

  it('fetchOk passes a successful response through', async () => {
    serve({ '/x.json': [1] })
    expect(await (await fetchOk('/x.json')).json()).toEqual([1])
  })
})

describe('datum shift', () => {
  const point = { lat: 36.06, lng: 103.83 }
  const spec = (config: MapConfig) => providerSpec(config)

  it('leaves WGS84 positions as they are for WGS84 tiles', async () => {
    const wgs = spec({ provider: 'bundled' })
    expect((await datumShift(wgs))(point, wgs)).toEqual(point)
  })

  it('shifts into GCJ-02 for Gaode', async () => {
    const gaode = spec({ provider: 'gaode', key: 'k' })
    expect(gaode.datum).toBe('GCJ02')
    const shifted = (await datumShift(gaode))(point, gaode)
    expect(shifted).toEqual(toDisplay(point, gaode))
    expect(shifted).not.toEqual(point)
  })
})
