/** Fixed calendar arithmetic. China Standard Time is UTC+8, with no daylight saving. */
import type { VenueType } from '#domain/vocabulary'
import { PUBLIC_HOLIDAYS, SCHOOL_VACATIONS, type DayRange } from './data/calendar.ts'
import type { Random } from './random.ts'

const DAY = 86_400_000
export const dayNumber = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY
export const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)
export const plusDays = (iso: string, days: number): string => isoDay(dayNumber(iso) + days)
const weekday = (day: number): number => new Date(day * DAY).getUTCDay() // 0 = Sunday

/** China wall-clock date + "HH:MM" → ISO UTC string without milliseconds. */
export function chinaTimeToUtc(date: string, hhmm: string, plusMinutes = 0): string {
  const [h, m] = hhmm.split(':').map(Number)
  const ms = dayNumber(date) * DAY + (h * 60 + m - 8 * 60 + plusMinutes) * 60_000
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** UTC ISO → China calendar date. */
export const chinaDate = (utc: string): string => new Date(Date.parse(utc) + 8 * 3600_000).toISOString().slice(0, 10)

/** ISO date → 2025年4月28日. */
export const zhDate = (iso: string): string => `${+iso.slice(0, 4)}年${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`

const inRanges = (day: number, ranges: readonly DayRange[]): boolean =>
  ranges.some(([a, b]) => day >= dayNumber(a) && day <= dayNumber(b))

/** No talks on Sundays or public holidays; Saturdays only in communities; no school talks in vacations. */
function dayAllowed(day: number, type: VenueType): boolean {
  const wd = weekday(day)
  if (wd === 0) return false
  if (wd === 6 && type !== 'community') return false
  if (inRanges(day, PUBLIC_HOLIDAYS)) return false
  if (type === 'school' && inRanges(day, SCHOOL_VACATIONS)) return false
  return true
}

/** Stratified date: slot `index` of `count` in [from, to], nudged to the nearest allowed day. */
export function slotDate(random: Random, [from, to]: DayRange, index: number, count: number, type: VenueType): string {
  const first = dayNumber(from)
  const last = dayNumber(to)
  const span = last - first + 1
  const base = first + Math.floor(((index + random.next()) * span) / count)
  for (let d = 0; d < 60; d++) {
    for (const candidate of [base + d, base - d]) {
      if (candidate >= first && candidate <= last && dayAllowed(candidate, type)) return isoDay(candidate)
    }
  }
  throw new Error(`no allowed day near ${isoDay(base)} for ${type}`)
}
