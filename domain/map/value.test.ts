import { describe, expect, it } from 'vitest'
import { fromDisplay, toDisplay } from './datum.ts'
import { providerSpec } from './providers.ts'
import { displayPoint, formatCoordinates, geopointFromDisplay, isCompletePoint } from './value.ts'

const bundled = providerSpec({ provider: 'bundled' })
const gaode = providerSpec({ provider: 'gaode' })
const lanzhou = { lat: 36.061, lng: 103.834 }

describe('location input values', () => {
  it('stores a point picked on WGS84 tiles as a rounded geopoint', () => {
    expect(geopointFromDisplay({ lat: 36.0612345678, lng: 103.8341234567 }, bundled)).toEqual({
      _type: 'geopoint',
      lat: 36.061235,
      lng: 103.834123,
    })
  })

  it('converts a point picked on Gaode (GCJ-02) tiles back to WGS84', () => {
    const shown = toDisplay(lanzhou, gaode)
    // The datum shift in Gansu is hundreds of metres: visible, and undone on the way back.
    expect(Math.abs(shown.lng - lanzhou.lng) + Math.abs(shown.lat - lanzhou.lat)).toBeGreaterThan(0.001)
    const stored = geopointFromDisplay(shown, gaode)
    expect(stored.lat).toBeCloseTo(lanzhou.lat, 5)
    expect(stored.lng).toBeCloseTo(lanzhou.lng, 5)
    expect(displayPoint(stored, gaode)!.lat).toBeCloseTo(shown.lat, 5)
    expect(fromDisplay(displayPoint(lanzhou, gaode)!, gaode).lng).toBeCloseTo(lanzhou.lng, 5)
  })

  it('wraps longitudes Leaflet reports past ±180', () => {
    expect(geopointFromDisplay({ lat: 36, lng: 103.5 + 360 }, bundled).lng).toBeCloseTo(103.5, 6)
  })

  it('shows no point for an empty or partial value', () => {
    expect(displayPoint(undefined, bundled)).toBeNull()
    expect(displayPoint({ lat: 36 }, bundled)).toBeNull()
    expect(isCompletePoint({ lat: NaN, lng: 1 })).toBe(false)
    expect(displayPoint({ _type: 'geopoint', ...lanzhou }, bundled)).toEqual(lanzhou)
  })

  it('formats coordinates in Chinese', () => {
    expect(formatCoordinates({ lat: 36.061, lng: 103.834 })).toBe('北纬 36.061000°，东经 103.834000°')
    expect(formatCoordinates({ lat: -1, lng: -2 })).toBe('南纬 1.000000°，西经 2.000000°')
    expect(formatCoordinates(null)).toBe('尚未设置位置')
  })
})
