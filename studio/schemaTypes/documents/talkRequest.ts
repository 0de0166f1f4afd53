import { defineArrayMember, defineField, defineType } from 'sanity'
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { PREFECTURE_NAMES } from '#domain/region'
import { GRADE_BANDS, REQUEST_STATUSES, listOf } from '#domain/vocabulary'
import { RequestTimelineInput } from '../../components/RequestTimelineInput'
import { requestSubtitle } from '../../lib/previews'
import { normaliseMainlandMobile } from '#domain/validation'

/** A school's request for a talk, submitted through the site's booking form. */
export const talkRequestType = defineType({
  name: 'talkRequest',
  title: '预约申请',
  type: 'document',
  icon: EnvelopeIcon,
  fields: [
    defineField({
      name: 'status',
      title: '处理状态',
      type: 'string',
      options: { list: listOf(REQUEST_STATUSES), layout: 'radio', direction: 'horizontal' },
      initialValue: 'new',
      validation: (rule) => rule.required().error('请选择处理状态'),
    }),
    defineField({
      name: 'reference',
      title: '受理编号',
      type: 'string',
      readOnly: true,
      description: '提交时自动生成，学校来电时可用此编号查询。',
    }),
    defineField({
      name: 'receivedAt',
      title: '提交时间',
      type: 'datetime',
      readOnly: true,
    }),
    defineField({
      name: 'school',
      title: '学校名称',
      type: 'string',
      validation: (rule) => rule.required().error('请填写学校名称'),
    }),
    defineField({
      name: 'contactName',
      title: '联系人',
      type: 'string',
      validation: (rule) => rule.required().error('请填写联系人'),
    }),
    defineField({
      name: 'phone',
      title: '手机号码',
      type: 'string',
      validation: (rule) => [
        rule.required().error('请填写手机号码'),
        rule.custom((phone) => (!phone || normaliseMainlandMobile(String(phone)) ? true : '请填写 11 位大陆手机号码')),
      ],
    }),
    defineField({
      name: 'email',
      title: '电子邮箱',
      type: 'string',
      validation: (rule) => rule.email().error('邮箱格式不正确'),
    }),
    defineField({
      name: 'preferredWorkers',
      title: '希望邀请的劳模',
      type: 'array',
      description: '留空表示“任一劳模均可”。',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'modelWorker' }] })],
    }),
    defineField({
      name: 'anyWorker',
      title: '任一可安排的劳模均可',
      type: 'boolean',
      readOnly: true,
      description: '学校在表单上选择了“任一可安排的劳模”（或未指定劳模）：可按主题推荐其他劳模。',
    }),
    defineField({
      name: 'lectureTopic',
      title: '点单主题',
      type: 'reference',
      to: [{ type: 'lectureTopic' }],
      weak: true,
      description: '学校从点单菜单选择的主题。主题日后被删除时，下面的“希望的宣讲主题”仍保留其名称。',
    }),
    defineField({ name: 'topic', title: '希望的宣讲主题', type: 'string' }),
    defineField({
      name: 'preferredDates',
      title: '希望的日期',
      type: 'array',
      of: [defineArrayMember({ type: 'dateRange' })],
      validation: (rule) => rule.max(2).warning('通常填写两个备选日期范围'),
    }),
    defineField({
      name: 'gradeBand',
      title: '学段',
      type: 'string',
      options: { list: listOf(GRADE_BANDS) },
    }),
    defineField({
      name: 'audienceSize',
      title: '预计听众人数',
      type: 'number',
      validation: (rule) => rule.integer().min(1).error('听众人数应为正整数'),
    }),
    defineField({
      name: 'prefecture',
      title: '市州',
      type: 'string',
      options: { list: PREFECTURE_NAMES },
    }),
    defineField({ name: 'address', title: '学校地址', type: 'string' }),
    defineField({ name: 'notes', title: '备注', type: 'text', rows: 3 }),
    defineField({
      name: 'consent',
      title: '同意工作人员联系',
      type: 'boolean',
      readOnly: true,
    }),
    defineField({
      name: 'replyNote',
      title: '给学校的说明',
      type: 'text',
      rows: 3,
      description:
        '学校凭受理编号和手机号后四位查询进度时会看到这段话。婉拒时请写明原因或建议（例如改约时间、推荐其他劳模）；不要写电话等个人信息。',
      validation: (rule) => rule.max(500).warning('请控制在 500 字以内，学校在手机上查看。'),
    }),
    defineField({
      name: 'talk',
      title: '安排的报告会',
      type: 'reference',
      to: [{ type: 'talk' }],
      description: '安排后关联到对应的报告会。',
    }),
    defineField({
      name: 'history',
      title: '处理经过',
      type: 'array',
      readOnly: true,
      description: '点击“标记为已联系”“安排报告会”“婉拒申请”等按钮时自动记录，无需手动填写。',
      // Shown as the request's timeline (received → contacted → scheduled → held → feedback).
      components: { input: RequestTimelineInput },
      of: [
        defineArrayMember({
          name: 'requestEvent',
          title: '状态变更',
          type: 'object',
          fields: [
            defineField({ name: 'status', title: '状态', type: 'string', options: { list: listOf(REQUEST_STATUSES) } }),
            defineField({ name: 'at', title: '时间', type: 'datetime' }),
            defineField({ name: 'note', title: '说明', type: 'text', rows: 2 }),
          ],
        }),
      ],
    }),
  ],
  orderings: [{ title: '提交时间（新到旧）', name: 'receivedDesc', by: [{ field: 'receivedAt', direction: 'desc' }] }],
  preview: {
    select: {
      school: 'school',
      status: 'status',
      receivedAt: 'receivedAt',
      prefecture: 'prefecture',
      topic: 'topic',
      menuTopic: 'lectureTopic.title',
      anyWorker: 'anyWorker',
    },
    prepare: ({ school, menuTopic, anyWorker, topic, ...rest }) => ({
      title: school || '（未填写学校）',
      subtitle: requestSubtitle({ ...rest, topic: menuTopic || topic, anyWorker }),
    }),
  },
})
