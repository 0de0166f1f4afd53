import { defineField } from 'sanity'
import { countyInPrefecture } from '#domain/validation'

/**
 * The 县区 field of a document that also has `prefecture`: free text, checked against the prefecture's
 * counties with a warning (region data lags behind renamed or new districts; an editor may know better).
 */
export const countyField = (group?: string) =>
  defineField({
    name: 'county',
    title: '县区',
    type: 'string',
    ...(group ? { group } : {}),
    description: '县、县级市或区的全称，如“陇西县”。',
    validation: (rule) =>
      rule
        .custom((county, ctx) =>
          countyInPrefecture(county as string | undefined, (ctx.document as { prefecture?: string }).prefecture),
        )
        .warning(),
  })
