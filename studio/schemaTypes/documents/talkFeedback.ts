import { defineArrayMember, defineField, defineType } from 'sanity'
import { CommentIcon } from '@sanity/icons/Comment'
import { FEEDBACK_HIGHLIGHTS, INVITE_AGAIN, MAX_QUOTE, MAX_STUDENTS, RATING_MAX, RATING_MIN } from '#domain/feedback'
import { GRADE_BANDS, listOf } from '#domain/vocabulary'
import { feedbackSubtitle } from '../../lib/previews'

/**
 * A school's feedback after a talk, sent through the signed link made in the Studio (site/lib/feedback/).
 * Nothing of it reaches the site until an editor ticks 审核通过; even then only the numbers and the quote.
 */
export const talkFeedbackType = defineType({
  name: 'talkFeedback',
  title: '报告会反馈',
  type: 'document',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'approved',
      title: '审核通过',
      type: 'boolean',
      initialValue: false,
      description:
        '勾选后，评分、到场人数和学段计入劳模主页和“数据统计”（不显示学校和老师信息）。意见明显不实或为测试提交时不要勾选。',
    }),
    defineField({
      name: 'talk',
      title: '报告会',
      type: 'reference',
      to: [{ type: 'talk' }],
      weak: true,
      readOnly: true,
      description: '反馈链接所对应的报告会（提交时自动填写）。',
      validation: (rule) => rule.required().error('缺少对应的报告会'),
    }),
    defineField({
      name: 'rating',
      title: '总体评价',
      type: 'number',
      readOnly: true,
      description: `${RATING_MIN}–${RATING_MAX} 星。`,
      validation: (rule) =>
        rule
          .required()
          .integer()
          .min(RATING_MIN)
          .max(RATING_MAX)
          .error(`总体评价应为 ${RATING_MIN}–${RATING_MAX} 的整数`),
    }),
    defineField({
      name: 'students',
      title: '到场学生人数',
      type: 'number',
      readOnly: true,
      validation: (rule) => rule.required().integer().min(1).max(MAX_STUDENTS).error('到场学生人数应为正整数'),
    }),
    defineField({
      name: 'gradeBands',
      title: '年级/学段',
      type: 'array',
      readOnly: true,
      of: [defineArrayMember({ type: 'string' })],
      options: { list: listOf(GRADE_BANDS) },
      validation: (rule) => rule.min(1).error('至少应有一个学段'),
    }),
    defineField({
      name: 'highlights',
      title: '哪些地方好',
      type: 'array',
      readOnly: true,
      of: [defineArrayMember({ type: 'string' })],
      options: { list: listOf(FEEDBACK_HIGHLIGHTS) },
    }),
    defineField({
      name: 'inviteAgain',
      title: '是否愿意再次邀请',
      type: 'string',
      readOnly: true,
      options: { list: listOf(INVITE_AGAIN), layout: 'radio', direction: 'horizontal' },
    }),
    defineField({
      name: 'comment',
      title: '其他意见',
      type: 'text',
      rows: 4,
      readOnly: true,
      description: '学校填写的原文，只在 Studio 中可见，不会发布到网站。',
    }),
    defineField({
      name: 'quote',
      title: '可公开的摘录',
      type: 'string',
      description: `从“其他意见”中摘一句可以公开的话（不超过 ${MAX_QUOTE} 字，不含姓名、电话等个人信息），审核通过后显示在劳模主页上，不署名。留空则不显示。`,
      validation: (rule) => rule.max(MAX_QUOTE).error(`摘录不能超过 ${MAX_QUOTE} 字`),
    }),
    defineField({
      name: 'receivedAt',
      title: '提交时间',
      type: 'datetime',
      readOnly: true,
    }),
    defineField({
      name: 'linkIssuedAt',
      title: '链接生成时间',
      type: 'datetime',
      readOnly: true,
    }),
  ],
  orderings: [{ title: '提交时间（新到旧）', name: 'receivedDesc', by: [{ field: 'receivedAt', direction: 'desc' }] }],
  preview: {
    select: {
      talkTitle: 'talk.title',
      rating: 'rating',
      students: 'students',
      approved: 'approved',
      receivedAt: 'receivedAt',
    },
    prepare: ({ talkTitle, ...rest }) => ({
      title: talkTitle || '（报告会已删除）',
      subtitle: feedbackSubtitle(rest),
    }),
  },
})
