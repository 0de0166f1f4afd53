/** The shape of a region's data: what a province must provide to be served (see `../region.ts`). */

export interface County {
  name: string
  lat: number
  lng: number
}

export interface Prefecture {
  name: string
  /** Pinyin slug for URLs and calendar file names. */
  slug: string
  lat: number
  lng: number
  counties: County[]
}

/** A named place with its position (WGS84): [name, lat, lng]. */
export type Seat = readonly [name: string, lat: number, lng: number]

export interface Bounds {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

export interface RegionData {
  /** Official name, e.g. 甘肃省. */
  name: string
  prefectures: Prefecture[]
  /** A box around the region (WGS84), a cheap first check before the outline. */
  bounds: Bounds
}
