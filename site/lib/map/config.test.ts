import { describe, expect, it } from 'vitest'
import { resolveMapConfig } from './config'

describe('map configuration', () => {
  it('defaults to the bundled layer with no warnings', () => {
    expect(resolveMapConfig({}, {})).toEqual({ config: { provider: 'bundled' }, warnings: [] })
  })

  it('reads site settings, and environment variables override them', () => {
    const settings = { mapProvider: 'tianditu-vec', mapKey: 'settings-key', mapApproval: 'GS(2024)0001号' }
    expect(resolveMapConfig(settings, {}).config).toEqual({
      provider: 'tianditu-vec',
      key: 'settings-key',
      approval: 'GS(2024)0001号',
    })
    expect(
      resolveMapConfig(settings, { PUBLIC_MAP_PROVIDER: 'gaode', PUBLIC_MAP_APPROVAL: 'GS(2025)0002号' }).config,
    ).toEqual({ provider: 'gaode', key: 'settings-key', approval: 'GS(2025)0002号' })
  })

  it('names an unknown provider, a missing key and a missing 审图号', () => {
    expect(resolveMapConfig({ mapProvider: 'osm' }, {})).toEqual({
      config: { provider: 'bundled' },
      warnings: ['map: unknown tile provider "osm" — using the bundled base layer'],
    })
    const noKey = resolveMapConfig({}, { PUBLIC_MAP_PROVIDER: 'tianditu-img' })
    expect(noKey.config).toEqual({ provider: 'bundled' })
    expect(noKey.warnings[0]).toMatch(/needs a key/)
    expect(resolveMapConfig({ mapProvider: 'gaode' }, {}).warnings[0]).toMatch(/审图号/)
  })
})
