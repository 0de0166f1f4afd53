import { defineArrayMember, defineField, defineType } from 'sanity'
import { PresentationIcon } from '@sanity/icons/Presentation'
import { PREFECTURE_NAMES } from '#domain/region'
import { TALK_STATUSES, VENUE_TYPES, listOf } from '#domain/vocabulary'
import { talkSubtitle } from '../../lib/previews'
import {
  atLeastOneSpeaker,
  endNotBeforeStart,
  heldTalkHasAudience,
  locationInGansu,
  type GeoPoint,
} from '#domain/validation'
import { countyField } from '../fields/county'

/** One stop of a lecture tour: a 报告会 held at an enterprise, school or community. */
export const talkType = defineType({
  name: 'talk',
  title: '报告会',
  type: 'document',
  icon: PresentationIcon,
  groups: [
    { name: 'when', title: '时间地点', default: true },
    { name: 'who', title: '宣讲人' },
    { name: 'report', title: '活动记录' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: '标题',
      type: 'string',
      group: 'when',
      description: '如“劳模精神进校园——兰州市第十中学专场报告会”。',
      validation: (rule) => [rule.required().error('请填写报告会标题'), rule.max(60).warning('标题建议不超过 60 字')],
    }),
    defineField({
      name: 'startsAt',
      title: '开始时间',
      type: 'datetime',
      group: 'when',
      options: { timeStep: 15 },
      validation: (rule) => rule.required().error('请填写开始时间'),
    }),
    defineField({
      name: 'endsAt',
      title: '结束时间',
      type: 'datetime',
      group: 'when',
      options: { timeStep: 15 },
      validation: (rule) =>
        rule.custom((endsAt, ctx) =>
          endNotBeforeStart((ctx.document as { startsAt?: string }).startsAt, endsAt as string | undefined),
        ),
    }),
    defineField({
      name: 'venueName',
      title: '场地名称',
      type: 'string',
      group: 'when',
      description: '单位或学校全称，如“兰州石化公司职工活动中心”。',
      validation: (rule) => rule.required().error('请填写场地名称'),
    }),
    defineField({
      name: 'venueType',
      title: '场地类型',
      type: 'string',
      group: 'when',
      options: { list: listOf(VENUE_TYPES), layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('请选择场地类型（企业 / 校园 / 社区）'),
    }),
    defineField({
      name: 'location',
      title: '地图位置',
      type: 'geopoint',
      group: 'when',
      description: '报告会举办地点（WGS84 经纬度），用于网站地图。',
      validation: (rule) => [
        rule.required().warning('没有地图位置，这场报告会不会出现在地图上'),
        rule.custom((point) => locationInGansu(point as GeoPoint | undefined)).warning(),
      ],
    }),
    defineField({
      name: 'prefecture',
      title: '市州',
      type: 'string',
      group: 'when',
      options: { list: PREFECTURE_NAMES },
      validation: (rule) => rule.required().error('请选择市州'),
    }),
    countyField('when'),
    defineField({
      name: 'speakers',
      title: '宣讲劳模',
      type: 'array',
      group: 'who',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'modelWorker' }] })],
      validation: (rule) => [
        rule.custom((speakers) => atLeastOneSpeaker(speakers as unknown[] | undefined)),
        rule.unique().error('同一位劳模不能重复添加'),
      ],
    }),
    defineField({
      name: 'tour',
      title: '所属巡回宣讲',
      type: 'reference',
      group: 'who',
      to: [{ type: 'tour' }],
    }),
    defineField({
      name: 'status',
      title: '状态',
      type: 'string',
      group: 'report',
      options: { list: listOf(TALK_STATUSES), layout: 'radio', direction: 'horizontal' },
      initialValue: 'planned',
      validation: (rule) => rule.required().error('请选择状态'),
    }),
    defineField({
      name: 'audienceSize',
      title: '听众人数',
      type: 'number',
      group: 'report',
      validation: (rule) => [
        rule.integer().min(0).error('听众人数应为非负整数'),
        rule
          .custom((size, ctx) =>
            heldTalkHasAudience((ctx.document as { status?: string }).status, size as number | undefined),
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'summary',
      title: '活动简介',
      type: 'text',
      rows: 4,
      group: 'report',
      validation: (rule) => rule.max(400).warning('简介建议不超过 400 字'),
    }),
    defineField({
      name: 'photos',
      title: '现场照片',
      type: 'array',
      group: 'report',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'photo' }] })],
    }),
    defineField({
      name: 'sourceRequest',
      title: '来源预约申请',
      type: 'reference',
      group: 'report',
      to: [{ type: 'talkRequest' }],
      weak: true,
      readOnly: true,
      description: '由“预约申请”中的“安排报告会”生成时自动关联，不在网站上显示。',
      hidden: ({ value }) => !value,
    }),
  ],
  orderings: [
    { title: '时间（新到旧）', name: 'startsAtDesc', by: [{ field: 'startsAt', direction: 'desc' }] },
    { title: '时间（旧到新）', name: 'startsAtAsc', by: [{ field: 'startsAt', direction: 'asc' }] },
  ],
  preview: {
    select: {
      title: 'title',
      startsAt: 'startsAt',
      venueName: 'venueName',
      venueType: 'venueType',
      status: 'status',
      media: 'photos.0.image',
    },
    prepare: ({ title, startsAt, venueName, venueType, status, media }) => ({
      title: title || '（未填写标题）',
      subtitle: talkSubtitle({ startsAt, venueName, venueType, status }),
      media,
    }),
  },
})
