import { defineField, defineType } from 'sanity'
import { PinIcon } from '@sanity/icons/Pin'
import { formerSlugsField } from '../../lib/formerSlugs'
import { isUniqueSlug, slugCharacterRules, slugifyTitle } from '../../lib/slug'

/** A lecture tour (巡回宣讲 / 报告团): a campaign made of many talks. */
export const tourType = defineType({
  name: 'tour',
  title: '巡回宣讲',
  type: 'document',
  icon: PinIcon,
  fields: [
    defineField({
      name: 'title',
      title: '名称',
      type: 'string',
      description: '如“中国梦·双联情”劳动模范报告会。',
      validation: (rule) => rule.required().error('请填写巡回宣讲名称'),
    }),
    defineField({
      name: 'slug',
      title: '网址标识',
      type: 'slug',
      options: { source: 'title', maxLength: 64, slugify: slugifyTitle, isUnique: isUniqueSlug },
      description:
        '点“生成”按名称拼音自动填写，如 laomo-jingshen-jin-xiaoyuan；重名时自动加 -2。修改并发布后，旧网址会自动跳转到新页面（见“旧网址标识”）。',
      validation: (rule) => [rule.required().error('请生成网址标识'), ...slugCharacterRules(rule)],
    }),
    formerSlugsField(),
    defineField({ name: 'description', title: '简介', type: 'text', rows: 4 }),
    defineField({ name: 'period', title: '起止日期', type: 'dateRange' }),
    defineField({
      name: 'organiser',
      title: '主办单位',
      type: 'string',
      description: '如“甘肃省总工会”。',
    }),
  ],
  preview: {
    select: { title: 'title', organiser: 'organiser', start: 'period.start', end: 'period.end' },
    prepare: ({ title, organiser, start, end }) => ({
      title,
      subtitle: [organiser, start && `${start} 至 ${end ?? '今'}`].filter(Boolean).join(' · '),
    }),
  },
})
