import { defineArrayMember, defineField, defineType } from 'sanity'
import { LinkIcon } from '@sanity/icons/Link'
import { PREFECTURE_NAMES } from '#domain/region'
import { sinceNotFarAhead, untilAfterSince } from '#domain/pairing'
import { beijingToday, pairingSubtitle } from '../../lib/pairings'
import { countyField } from '../fields/county'

const sinceOf = (ctx: { document?: unknown }) => (ctx.document as { since?: string } | undefined)?.since

/** A long-term pairing (结对) of a model worker with a school: shown on the profile and on /schools/. */
export const pairingType = defineType({
  name: 'pairing',
  title: '结对',
  type: 'document',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'worker',
      title: '劳模',
      type: 'reference',
      to: [{ type: 'modelWorker' }],
      validation: (rule) => rule.required().error('请选择结对的劳模'),
    }),
    defineField({
      name: 'school',
      title: '学校名称',
      type: 'string',
      description: '学校全称，如“兰州市第十中学”。',
      validation: (rule) => [rule.required().error('请填写学校名称'), rule.max(40).warning('学校名称一般不超过 40 字')],
    }),
    defineField({
      name: 'prefecture',
      title: '市州',
      type: 'string',
      options: { list: PREFECTURE_NAMES },
      validation: (rule) => rule.required().error('请选择学校所在市州'),
    }),
    countyField(),
    defineField({
      name: 'since',
      title: '结对开始日期',
      type: 'date',
      validation: (rule) => [
        rule.required().error('请填写结对开始日期'),
        rule.custom((since) => sinceNotFarAhead(since as string | undefined, beijingToday())).warning(),
      ],
    }),
    defineField({
      name: 'until',
      title: '结对结束日期',
      type: 'date',
      description: '结对仍在进行时留空。结束后网站上的劳模页面会标注“已结束”，“劳模进校园”页面不再列出。',
      validation: (rule) =>
        rule.custom((until, ctx) => untilAfterSince(sinceOf(ctx), until as string | undefined)).error(),
    }),
    defineField({
      name: 'activities',
      title: '结对内容',
      type: 'text',
      rows: 3,
      description: '劳模和学校一起做什么，如“劳模工作室进校园、劳动教育实践基地、每学期一次讲座”。会在网站上显示。',
      validation: (rule) => [
        rule.required().error('请写明结对内容，例如“每学期一次讲座”'),
        rule.max(200).warning('请控制在 200 字以内'),
      ],
    }),
    defineField({
      name: 'talks',
      title: '在该校举办的报告会',
      type: 'array',
      description: '可选：关联劳模在这所学校举办的报告会，网站上会链接过去。',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'talk' }] })],
      validation: (rule) => rule.unique().error('同一场报告会不能重复添加'),
    }),
    defineField({
      name: 'showOnSite',
      title: '在网站上显示',
      type: 'boolean',
      initialValue: false,
      description: '学校同意公开后再勾选。不勾选时，这条结对只在内容管理中可见。',
    }),
  ],
  orderings: [{ title: '开始日期（新到旧）', name: 'sinceDesc', by: [{ field: 'since', direction: 'desc' }] }],
  preview: {
    select: {
      worker: 'worker.name',
      school: 'school',
      since: 'since',
      until: 'until',
      prefecture: 'prefecture',
      county: 'county',
      showOnSite: 'showOnSite',
      media: 'worker.portrait',
    },
    prepare: ({ worker, school, media, ...rest }) => ({
      title: `${worker || '（未选劳模）'} × ${school || '（未填写学校）'}`,
      subtitle: pairingSubtitle(rest),
      media,
    }),
  },
})
