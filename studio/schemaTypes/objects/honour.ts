import { defineField, defineType } from 'sanity'
import { StarIcon } from '@sanity/icons/Star'
import { HONOUR_LEVELS, listOf, titleOf } from '#domain/vocabulary'

/** One honour a model worker holds (全国劳动模范, 省劳动模范 …). */
export const honourType = defineType({
  name: 'honour',
  title: '荣誉称号',
  type: 'object',
  icon: StarIcon,
  fields: [
    defineField({
      name: 'title',
      title: '称号',
      type: 'string',
      description: '如“全国劳动模范”“甘肃省劳动模范”“全国五一劳动奖章”。',
      validation: (rule) => rule.required().error('请填写荣誉称号'),
    }),
    defineField({
      name: 'level',
      title: '级别',
      type: 'string',
      options: { list: listOf(HONOUR_LEVELS), layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('请选择荣誉级别'),
    }),
    defineField({
      name: 'year',
      title: '授予年份',
      type: 'number',
      description: '不确定时留空，不要猜测。',
      validation: (rule) => rule.integer().min(1950).max(2100).error('年份应为 1950 至 2100 之间的整数'),
    }),
    defineField({
      name: 'awardingBody',
      title: '授予单位',
      type: 'string',
      description: '如“中华全国总工会”“甘肃省人民政府”。',
    }),
  ],
  preview: {
    select: { title: 'title', level: 'level', year: 'year' },
    prepare: ({ title, level, year }) => ({
      title,
      subtitle: [titleOf(HONOUR_LEVELS, level), year].filter(Boolean).join(' · '),
    }),
  },
})
