import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '../region.ts'
import { GAZETTEER, parseCoordinates, searchPlaces, shortName } from './gazetteer.ts'

describe('gazetteer', () => {
  it('holds every prefecture and county of gansu.ts with its coordinates', () => {
    const expected = PREFECTURES.reduce((n, p) => n + 1 + p.counties.length, 0)
    expect(GAZETTEER).toHaveLength(expected)
    const lanzhou = PREFECTURES.find((p) => p.name === '兰州市')!
    expect(GAZETTEER).toContainEqual(
      expect.objectContaining({ name: '兰州市', kind: 'prefecture', lat: lanzhou.lat, lng: lanzhou.lng }),
    )
  })

  it('shortens names the way people say them', () => {
    expect(shortName('兰州市')).toBe('兰州')
    expect(shortName('甘南藏族自治州')).toBe('甘南')
    expect(shortName('张家川回族自治县')).toBe('张家川')
    expect(shortName('积石山保安族东乡族撒拉族自治县')).toBe('积石山')
    expect(shortName('城关区')).toBe('城关')
    // Two-character names keep their suffix: 漳县 is not "漳".
    expect(shortName('漳县')).toBe('漳县')
  })

  it('finds a prefecture by full name, short name or pinyin, first', () => {
    for (const q of ['兰州市', '兰州', 'lanzhou', ' LanZhou ']) expect(searchPlaces(q)[0]?.name).toBe('兰州市')
  })

  it('finds a county and names its prefecture', () => {
    const [hit] = searchPlaces('陇西')
    expect(hit).toMatchObject({ name: '陇西县', context: '定西市', kind: 'county' })
    const seat = PREFECTURES.flatMap((p) => p.counties).find((c) => c.name === '陇西县')!
    expect(hit).toMatchObject({ lat: seat.lat, lng: seat.lng })
  })

  it('matches inside names, exact before prefix before substring', () => {
    const names = searchPlaces('关', 50).map((p) => p.name)
    expect(names).toContain('城关区')
    expect(names).toContain('嘉峪关市')
    expect(searchPlaces('嘉峪关')[0]!.name).toBe('嘉峪关市')
  })

  it('returns nothing for blank or unknown input and respects the limit', () => {
    expect(searchPlaces('   ')).toEqual([])
    expect(searchPlaces('北京')).toEqual([])
    expect(searchPlaces('区', 3)).toHaveLength(3)
  })

  it('accepts typed coordinates, latitude first', () => {
    expect(parseCoordinates('36.06, 103.83')).toEqual({ lat: 36.06, lng: 103.83 })
    expect(parseCoordinates('北纬36.06 东经103.83')).toEqual({ lat: 36.06, lng: 103.83 })
    expect(parseCoordinates('兰州 36')).toBeNull()
    expect(parseCoordinates('136, 103')).toBeNull()
    expect(searchPlaces('36.06，103.83')[0]).toMatchObject({ kind: 'coordinates', lat: 36.06, lng: 103.83 })
  })
})
