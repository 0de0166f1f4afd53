/** The calendar talks are scheduled around (inclusive ranges of ISO dates). */

export type DayRange = readonly [from: string, to: string]

/** Closed to every talk: Spring Festival weeks, 五一 and 国庆 holidays. */
export const PUBLIC_HOLIDAYS: readonly DayRange[] = [
  ['2025-01-27', '2025-02-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-10-01', '2025-10-08'],
  ['2026-02-14', '2026-02-24'],
  ['2026-05-01', '2026-05-05'],
  ['2026-10-01', '2026-10-08'],
  ['2027-02-05', '2027-02-13'],
  ['2027-05-01', '2027-05-05'],
  ['2027-10-01', '2027-10-07'],
]
/** Closed to school talks: winter and summer vacations. */
export const SCHOOL_VACATIONS: readonly DayRange[] = [
  ['2025-01-15', '2025-02-20'],
  ['2025-07-08', '2025-08-31'],
  ['2026-01-15', '2026-03-01'],
  ['2026-07-08', '2026-08-31'],
  ['2027-01-15', '2027-02-24'],
  ['2027-07-08', '2027-08-31'],
]
