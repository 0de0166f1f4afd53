/** Sample venues: a few per county and venue type, each at a fixed point near the county seat. */
import type { County, Prefecture } from '#domain/region'
import type { VenueType } from '#domain/vocabulary'
import { COUNTY_INDUSTRIES, ENTERPRISE_ROOMS, INDUSTRIES } from './data/venues.ts'
import { county, prefecture } from './guards.ts'
import { hashInt, mulberry32, round5, type Random } from './random.ts'

export interface Venue {
  name: string
  type: VenueType
  prefecture: string
  county: string
  lat: number
  lng: number
}

const isDistrict = (c: County): boolean => c.name.endsWith('区')

/** The names a venue of this type in this county may have; the seat has more. */
export function venuePool(p: Prefecture, c: County, type: VenueType): string[] {
  const seat = p.counties[0].name === c.name
  const size = seat ? 3 : 2
  const names: string[] = []
  if (type === 'enterprise') {
    const industries = COUNTY_INDUSTRIES[c.name] ?? INDUSTRIES[p.name]
    const offset = hashInt(c.name) % industries.length
    for (let i = 0; i < size; i++) {
      const ind = industries[(offset + i) % industries.length]
      names.push(`${c.name}某${ind}企业${ENTERPRISE_ROOMS[(hashInt(c.name + ind) >>> 3) % ENTERPRISE_ROOMS.length]}`)
    }
  } else if (type === 'school') {
    if (isDistrict(c)) {
      names.push(`${c.name}某中学`, `${c.name}某小学`, `${p.name}某职业技术学校`)
    } else {
      names.push(`${c.name}某中学`, `${c.name}某小学`, `${c.name}某职业中专`, `${c.name}某初级中学`)
    }
  } else {
    if (isDistrict(c)) {
      names.push(`${c.name}某社区党群服务中心`, `${c.name}某街道新时代文明实践站`, `${c.name}某社区职工之家`)
    } else {
      names.push(`${c.name}某镇新时代文明实践所`, `${c.name}某村党群服务中心`, `${c.name}某社区党群服务中心`)
    }
  }
  return names.slice(0, type === 'school' ? size + 1 : size)
}

/** Every venue used, by name: a venue used twice is the same place. */
export class Venues {
  private readonly byName = new Map<string, Venue>()
  private readonly random: Random

  constructor(random: Random) {
    this.random = random
  }

  /** The named venue, or one drawn from the county's pool. */
  get(prefName: string, countyName: string, type: VenueType, name?: string): Venue {
    const p = prefecture(prefName)
    const c = county(prefName, countyName)
    const venueName = name ?? this.random.pick(venuePool(p, c, type))
    const existing = this.byName.get(venueName)
    if (existing) return existing
    // Fixed point per venue, within ~0.04° of the county seat (from its own hash, so it does not
    // depend on the order venues are first used).
    const r = mulberry32(hashInt(venueName))
    const v: Venue = {
      name: venueName,
      type,
      prefecture: prefName,
      county: countyName,
      lat: round5(c.lat + (r() * 2 - 1) * 0.035),
      lng: round5(c.lng + (r() * 2 - 1) * 0.045),
    }
    this.byName.set(venueName, v)
    return v
  }
}
