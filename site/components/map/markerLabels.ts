/** What the map's markers say and how big a cluster's symbol is: text only, no Leaflet, no DOM. */
import { clusterLabel, clusterSize } from '../../lib/map/clusters'
import { venueTitle } from '../../lib/map/symbols'

/** A talk marker's title, its accessible name: the talk, its venue type and venue. */
export function markerTitle(title: string, venueType: string, venue: string): string {
  return `${title}（${venueTitle(venueType)}，${venue}）`
}

/** A cluster marker's title: how many talks, and that a click zooms in. */
export const clusterTitle = (count: number) => `${count} 场报告会，点击放大`

const SIDES = { small: 34, medium: 40, large: 46 } as const

/**
 * A cluster's icon (Leaflet's `divIcon` options): its count, and larger for more talks. The count is
 * hidden from screen readers so the marker's name is its title ("123 场报告会，点击放大"), not "123".
 */
export function clusterIcon(count: number): { html: string; className: string; iconSize: [number, number] } {
  const size = clusterSize(count)
  return {
    html: `<span aria-hidden="true">${clusterLabel(count)}</span>`,
    className: `marker-cluster marker-cluster-${size}`,
    iconSize: [SIDES[size], SIDES[size]],
  }
}
