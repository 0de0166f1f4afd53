/** The map's marker icons (Leaflet): a symbol per venue type, and a cluster's count. */
import L from 'leaflet'
import type { VenueType } from '#domain/vocabulary'
import { venueSymbol } from '../../lib/map/symbols'
import type { ViewItem } from '../../lib/map/types'
import { clusterIcon, clusterTitle } from './markerLabels'

export function venueIcons(): Record<VenueType, L.DivIcon> {
  const icon = (type: VenueType) =>
    L.divIcon({
      html: venueSymbol(type),
      className: `talk-marker talk-marker-${type}`,
      // A 24 px target around the 22 px symbol: the minimum touch target size (WCAG 2.5.8).
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -11],
    })
  return { enterprise: icon('enterprise'), school: icon('school'), community: icon('community') }
}

export function clusterMarker(item: Extract<ViewItem, { kind: 'cluster' }>): L.Marker {
  return L.marker([item.position.lat, item.position.lng], {
    icon: L.divIcon(clusterIcon(item.count)),
    keyboard: true,
    title: clusterTitle(item.count),
  })
}
