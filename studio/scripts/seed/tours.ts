/** Tour documents. */
import type { Tour } from '#domain/sanity.types'
import type { SeedDocument } from './data/site.ts'
import type { TourSpec } from './data/tours.ts'

export function tourDoc(t: TourSpec): SeedDocument<Tour> {
  return {
    _id: t.id,
    _type: 'tour',
    title: t.title,
    slug: { _type: 'slug', current: t.slug },
    description: t.description,
    period: { _type: 'dateRange', start: t.start, end: t.end },
    organiser: t.organiser,
  }
}
