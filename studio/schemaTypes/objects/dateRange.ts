import { defineField, defineType } from 'sanity'
import { CalendarIcon } from '@sanity/icons/Calendar'
import { endNotBeforeStart } from '#domain/validation'

/** A span of days, e.g. a tour's period or a school's preferred window. */
export const dateRangeType = defineType({
  name: 'dateRange',
  title: '日期范围',
  type: 'object',
  icon: CalendarIcon,
  options: { columns: 2 },
  fields: [
    defineField({ name: 'start', title: '开始日期', type: 'date' }),
    defineField({
      name: 'end',
      title: '结束日期',
      type: 'date',
      validation: (rule) =>
        rule.custom((end, context) =>
          endNotBeforeStart(
            (context.parent as { start?: string } | undefined)?.start,
            end as string | undefined,
            '日期',
          ),
        ),
    }),
  ],
})
