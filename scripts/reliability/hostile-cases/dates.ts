/** Impossible, out-of-range and oddly written preferred dates. */
import { china, form } from '../bookings.ts'
import type { Hostile, Kit } from './kit.ts'

export function dateCases({ n, key, post, withField }: Kit): Hostile[] {
  const cases: Hostile[] = []
  // Impossible and out-of-range dates.
  for (const [label, value] of [
    ['30 February', `${Number(china(0).slice(0, 4)) + 1}-02-30`],
    ['29 February of a common year', '2027-02-29'],
    ['month 13', `${china(0).slice(0, 4)}-13-01`],
    ['month 0', `${china(0).slice(0, 4)}-00-10`],
    ['day 32', `${china(0).slice(0, 7)}-32`],
    ['day 0', `${china(0).slice(0, 7)}-00`],
    ['year 0000', '0000-01-01'],
    ['year 9999', '9999-12-31'],
    ['yesterday', china(-1)],
    ['a year ago', china(-365)],
    ['two years ahead', china(730)],
    ['no leading zeros', noLeadingZeros()],
    ['slashes', china(21).replace(/-/g, '/')],
    ['no separators', china(21).replace(/-/g, '')],
    ['full-width digits', china(21).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ['ISO with time', `${china(21)}T10:00:00Z`],
    ['words', 'next Monday'],
    ['blank', '   '],
  ])
    cases.push(withField(`date1Start ${label}`, 'date1Start', value, true))
  cases.push(
    post('end before start', () => String(form(n(), key(), { date1Start: china(28), date1End: china(21) })), {}, true),
  )
  cases.push(post('second range without its end', () => String(form(n(), key(), { date2Start: china(40) })), {}, true))
  cases.push(
    post(
      'second range reversed',
      () => String(form(n(), key(), { date2Start: china(50), date2End: china(40) })),
      {},
      true,
    ),
  )
  return cases
}

/** A valid preferred date written without leading zeros (2027-3-5): one whose month or day has a single digit. */
function noLeadingZeros(): string {
  for (let offset = 21; ; offset++) {
    const [y, m, d] = china(offset).split('-')
    if (m!.startsWith('0') || d!.startsWith('0')) return `${y}-${Number(m)}-${Number(d)}`
  }
}
