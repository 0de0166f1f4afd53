import { defineField, defineType } from 'sanity'
import { CalendarIcon } from '@sanity/icons/Calendar'

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
        rule.custom((end, context) => {
          const start = (context.parent as { start?: string } | undefined)?.start
          if (start && end && end < start) return '结束日期不能早于开始日期'
          return true
        }),
    }),
  ],
})
