/**
 * A Leaflet map for picking one point: click or drag the pin, or type a place name (offline
 * gazetteer) to jump there. Base layers are the site's (bundled outline by default, 天地图 /
 * Gaode by configuration); values are WGS84 whatever the tiles' datum. Free of Sanity form
 * imports so it can be mounted and tested outside the Studio (see LocationInput.tsx).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import '../../domain/map/baseLayers.css'
import { Box, Button, Card, Flex, Stack, Text, TextInput } from '@sanity/ui'
import { createBaseLayers } from '#domain/map/baseLayers'
import { effectiveConfig, providerSpec, type MapConfig } from '#domain/map/providers'
import { searchPlaces, type Place } from '#domain/region/gazetteer'
import { displayPoint, formatCoordinates, geopointFromDisplay, type GeopointValue } from '#domain/map/value'
import { locationInGansu } from '#domain/validation'

export interface LocationPickerProps {
  value: GeopointValue | undefined
  /** A new WGS84 point, or null to clear. */
  onChange: (value: { _type: 'geopoint'; lat: number; lng: number } | null) => void
  config: MapConfig
  readOnly?: boolean
  /** Map height in CSS pixels. */
  height?: number
}

// The pin is a styled div (no marker image from a CDN); the CSS is scoped by class name.
const PIN_CLASS = 'laomo-location-pin'
const PIN_CSS = `
.${PIN_CLASS} { background: none; border: none; }
.${PIN_CLASS} span { display: block; width: 22px; height: 22px; margin: 0 0 0 1px; border-radius: 50% 50% 50% 0;
  background: #c62828; border: 2px solid #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 45%); transform: rotate(-45deg); }
`
const pinIcon = () =>
  L.divIcon({ className: PIN_CLASS, html: '<span></span>', iconSize: [26, 26], iconAnchor: [13, 26] })

export function LocationPicker({ value, onChange, config, readOnly = false, height = 360 }: LocationPickerProps) {
  const effective = useMemo(() => effectiveConfig(config), [config])
  const spec = useMemo(() => providerSpec(effective), [effective])
  const containerRef = useRef<HTMLDivElement>(null)
  const mapRef = useRef<L.Map | null>(null)
  const markerRef = useRef<L.Marker | null>(null)
  // Handlers registered once on the map read the latest props through refs.
  const latest = useRef({ onChange, readOnly, spec })
  latest.current = { onChange, readOnly, spec }
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Place[]>([])
  const [message, setMessage] = useState('')
  const searchId = useId()

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const map = L.map(container, { maxZoom: 18, minZoom: 4, zoomSnap: 0.5 })
    mapRef.current = map
    // The site's base layers: the bundled outline and seats, and the configured tiles above them
    // (dropped again if they fail to load). Drawn in the tiles' datum, like the pin.
    const base = createBaseLayers(L, effective, (point, shownSpec) => displayPoint(point, shownSpec)!)
    const initial = displayPoint(value, spec)
    if (initial) map.setView(initial, 12)
    else map.fitBounds(base.bounds)
    base.addTo(map)
    map.on('click', (e: L.LeafletMouseEvent) => {
      if (latest.current.readOnly) return
      latest.current.onChange(geopointFromDisplay(e.latlng, latest.current.spec))
    })
    // The form may mount us in a hidden tab: redraw when the container gets a size.
    const observer = new ResizeObserver(() => map.invalidateSize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      map.remove()
      mapRef.current = null
      markerRef.current = null
    }
    // The map is rebuilt only when the base layer changes; the value is synced below.
  }, [spec, effective])

  // Keep the pin in step with the value.
  useEffect(() => {
    const map = mapRef.current
    if (!map) return
    const shown = displayPoint(value, spec)
    if (!shown) {
      markerRef.current?.remove()
      markerRef.current = null
      return
    }
    if (!markerRef.current) {
      const marker = L.marker(shown, {
        icon: pinIcon(),
        draggable: !readOnly,
        keyboard: true,
        title: '报告会地点（可拖动）',
        alt: '报告会地点',
      })
      marker.on('dragend', () => latest.current.onChange(geopointFromDisplay(marker.getLatLng(), latest.current.spec)))
      markerRef.current = marker.addTo(map)
    } else {
      markerRef.current.setLatLng(shown)
    }
    if (readOnly) markerRef.current.dragging?.disable()
    else markerRef.current.dragging?.enable()
  }, [value, spec, readOnly])

  const jump = (place: Place) => {
    const map = mapRef.current
    if (!map) return
    map.setView(displayPoint(place, spec)!, place.zoom)
    setResults([])
    if (place.kind === 'coordinates' && !readOnly) {
      onChange(geopointFromDisplay(displayPoint(place, spec)!, spec))
      setMessage(`已设为 ${place.name}`)
    } else {
      setMessage(`已跳转到${place.name}，请在地图上点击准确地点`)
    }
  }

  const search = (text: string) => {
    setQuery(text)
    setResults(searchPlaces(text))
    setMessage('')
  }

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    const [first] = searchPlaces(query)
    if (first) jump(first)
    else setMessage(query.trim() ? `没有找到“${query.trim()}”，可输入市州、县区名称或经纬度` : '')
  }

  const outside = value && locationInGansu(value)
  return (
    <Stack gap={3} data-testid="location-picker">
      <style>{PIN_CSS}</style>
      <Stack gap={2}>
        <Text as="label" size={1} weight="medium" {...{ htmlFor: searchId }}>
          查找地点
        </Text>
        <TextInput
          id={searchId}
          value={query}
          placeholder="输入市州、县区名称（如“陇西县”“兰州”）或经纬度（如“36.06, 103.83”），回车跳转"
          onChange={(e) => search(e.currentTarget.value)}
          onKeyDown={onSearchKey}
          autoComplete="off"
        />
        {results.length > 0 && (
          <Flex gap={1} wrap="wrap" role="list" aria-label="地点搜索结果">
            {results.map((place) => (
              <Box role="listitem" key={`${place.kind}-${place.context}-${place.name}`}>
                <Button
                  mode="ghost"
                  fontSize={1}
                  padding={2}
                  text={place.kind === 'coordinates' ? place.name : `${place.name}（${place.context}）`}
                  onClick={() => jump(place)}
                />
              </Box>
            ))}
          </Flex>
        )}
      </Stack>
      <Card border radius={2} overflow="hidden">
        <div
          ref={containerRef}
          style={{ height, width: '100%' }}
          data-testid="location-map"
          role="application"
          aria-label={readOnly ? '报告会地点地图（只读）' : '报告会地点地图：点击地图或拖动图钉设置位置'}
        />
      </Card>
      <Flex align="center" gap={3} wrap="wrap">
        <Box flex={1}>
          <Text size={1} data-testid="location-coordinates">
            {formatCoordinates(value)}
            {spec.datum === 'GCJ02' ? '（已从高德坐标换算为 WGS84 保存）' : ''}
          </Text>
        </Box>
        {!readOnly && value && (
          <Button
            mode="ghost"
            tone="critical"
            fontSize={1}
            padding={2}
            text="清除位置"
            onClick={() => onChange(null)}
          />
        )}
      </Flex>
      {typeof outside === 'string' && (
        <Card tone="caution" padding={2} radius={2}>
          <Text size={1}>{outside}</Text>
        </Card>
      )}
      {message && (
        <Text size={1} muted role="status">
          {message}
        </Text>
      )}
    </Stack>
  )
}

export default LocationPicker
