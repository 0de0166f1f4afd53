import { describe, expect, it } from 'vitest'
import { fromDisplay, toDisplay } from './datum.ts'
import { attribution, effectiveConfig, providerSpec } from './providers.ts'

describe('map providers', () => {
  it('defaults to the bundled layer, with no tile URLs at all', () => {
    expect(providerSpec({ provider: 'bundled' }).layers).toEqual([])
    expect(JSON.stringify(providerSpec({ provider: 'bundled' }))).not.toMatch(/openstreetmap|osm/i)
  })

  it('builds 天地图 base + label layers in Web Mercator with the key', () => {
    const spec = providerSpec({ provider: 'tianditu-vec', key: 'k 1' })
    expect(spec.layers.map((l) => l.url)).toEqual([
      'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k%201',
      'https://t{s}.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk=k%201',
    ])
    expect(providerSpec({ provider: 'tianditu-img', key: 'k' }).layers[1]!.url).toContain('T=cia_w')
  })

  it('falls back to the bundled layer when 天地图 has no key', () => {
    expect(effectiveConfig({ provider: 'tianditu-vec' })).toEqual({ provider: 'bundled' })
    expect(effectiveConfig({ provider: 'gaode' })).toEqual({ provider: 'gaode' })
  })

  it('shifts points onto Gaode tiles (GCJ-02) by a few hundred metres in Gansu, and back', () => {
    const gaode = providerSpec({ provider: 'gaode' })
    const lanzhou = { lat: 36.061, lng: 103.834 }
    const shown = toDisplay(lanzhou, gaode)
    const metres = Math.hypot((shown.lat - lanzhou.lat) * 111_000, (shown.lng - lanzhou.lng) * 90_000)
    expect(metres).toBeGreaterThan(38)
    expect(metres).toBeLessThan(600)
    const back = fromDisplay(shown, gaode)
    expect(back.lat).toBeCloseTo(lanzhou.lat, 5)
    expect(back.lng).toBeCloseTo(lanzhou.lng, 5)
    expect(toDisplay(lanzhou, providerSpec({ provider: 'tianditu-vec', key: 'k' }))).toEqual(lanzhou)
  })

  it('shows the provider and its 审图号 in the attribution', () => {
    expect(attribution({ provider: 'gaode', approval: 'GS(2024)0001号' }, '边界：某来源')).toBe(
      '高德地图 | 边界：某来源 | 审图号：GS(2024)0001号',
    )
    expect(attribution({ provider: 'bundled' }, '边界：某来源')).toBe('边界：某来源')
  })
})
