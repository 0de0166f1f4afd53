import { describe, expect, it } from 'vitest'
import { clusterIcon, clusterTitle, markerTitle } from './markerLabels'

describe('marker labels', () => {
  it('names a talk marker by its title, venue type and venue', () => {
    expect(markerTitle('工匠精神', 'school', '某小学')).toBe('工匠精神（校园，某小学）')
    expect(markerTitle('劳动最光荣', 'community', '东岗社区')).toBe('劳动最光荣（社区，东岗社区）')
  })

  it('sizes a cluster by its count, and says how many talks and that a click zooms in', () => {
    const sizes = [1, 9, 10, 99, 100, 25_000].map((n) => [clusterIcon(n).iconSize[0], clusterIcon(n).className])
    expect(sizes).toEqual([
      [34, 'marker-cluster marker-cluster-small'],
      [34, 'marker-cluster marker-cluster-small'],
      [40, 'marker-cluster marker-cluster-medium'],
      [40, 'marker-cluster marker-cluster-medium'],
      [46, 'marker-cluster marker-cluster-large'],
      [46, 'marker-cluster marker-cluster-large'],
    ])
    expect(clusterIcon(25_000)).toEqual({
      html: '<span aria-hidden="true">2.5万</span>',
      className: 'marker-cluster marker-cluster-large',
      iconSize: [46, 46],
    })
    expect(clusterTitle(25_000)).toBe('25000 场报告会，点击放大')
  })
})
