/** Fail loudly when the sample data drifts from the schema's stored values or the region's places. */
import { PREFECTURES } from '#domain/region'
import type { County, Prefecture } from '#domain/region'
import { GRADE_BANDS, HONOUR_LEVELS, REQUEST_STATUSES, SECTORS, TALK_STATUSES, VENUE_TYPES } from '#domain/vocabulary'

const valuesOf = (options: readonly { value: string }[]): Set<string> => new Set(options.map((o) => o.value))
const ALLOWED = {
  sector: valuesOf(SECTORS),
  venueType: valuesOf(VENUE_TYPES),
  status: valuesOf(TALK_STATUSES),
  honourLevel: valuesOf(HONOUR_LEVELS),
  gradeBand: valuesOf(GRADE_BANDS),
  requestStatus: valuesOf(REQUEST_STATUSES),
}

/** The types say what the values may be; this checks at run time that the schema still agrees. */
export function assertIn<T extends string>(kind: keyof typeof ALLOWED, value: T): T {
  if (!ALLOWED[kind].has(value)) throw new Error(`${value} is not a valid ${kind}`)
  return value
}

const prefectureByName = new Map(PREFECTURES.map((p) => [p.name, p]))
export function prefecture(name: string): Prefecture {
  const p = prefectureByName.get(name)
  if (!p) throw new Error(`unknown prefecture ${name}`)
  return p
}
export function county(prefectureName: string, countyName: string): County {
  const c = prefecture(prefectureName).counties.find((x) => x.name === countyName)
  if (!c) throw new Error(`${countyName} is not in ${prefectureName}`)
  return c
}
