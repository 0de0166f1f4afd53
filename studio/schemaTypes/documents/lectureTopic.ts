import { defineArrayMember, defineField, defineType } from 'sanity'
import { BookIcon } from '@sanity/icons/Book'
import { GRADE_BANDS, LECTURE_FORMATS, LECTURE_THEMES, listOf, titleOf } from '#domain/vocabulary'

/**
 * A topic of the school talk menu (点单): what a teacher chooses by 学段 and theme on /schools/topics/.
 * Model workers say which topics they give (modelWorker.lectureTopics); a school may ask for a topic
 * with any available worker.
 */
export const lectureTopicType = defineType({
  name: 'lectureTopic',
  title: '宣讲主题（点单）',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'title',
      title: '主题名称',
      type: 'string',
      description: '老师在点单菜单上看到的名称，如“一颗螺丝钉的坚守”。建议 20 字以内。',
      validation: (rule) => [
        rule.required().error('请填写主题名称'),
        rule.max(30).warning('主题名称建议不超过 30 字，手机上一行放得下'),
      ],
    }),
    defineField({
      name: 'theme',
      title: '主题类别',
      type: 'string',
      description: '点单菜单按类别分组。',
      options: { list: listOf(LECTURE_THEMES), layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('请选择主题类别'),
    }),
    defineField({
      name: 'stages',
      title: '适合学段',
      type: 'array',
      description: '至少选一个。老师按学段筛选时，只看到适合该学段的主题。',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: listOf(GRADE_BANDS), layout: 'grid' },
      validation: (rule) => rule.required().min(1).error('请至少选择一个适合的学段'),
    }),
    defineField({
      name: 'description',
      title: '给老师的介绍',
      type: 'text',
      rows: 3,
      description: '讲什么、学生能得到什么，写给学校老师看。建议 120 字以内。',
      validation: (rule) => rule.max(200).warning('介绍建议不超过 200 字，老师在手机上浏览'),
    }),
    defineField({
      name: 'durationMinutes',
      title: '时长（分钟）',
      type: 'number',
      description: '选填。一节课通常 40–45 分钟，报告会 60–90 分钟。',
      validation: (rule) => [
        rule.integer().positive().error('时长请填写正整数（分钟）'),
        rule.max(180).warning('超过 3 小时的宣讲较少见，请确认时长'),
      ],
    }),
    defineField({
      name: 'format',
      title: '形式',
      type: 'string',
      description: '选填。',
      options: { list: listOf(LECTURE_FORMATS) },
    }),
  ],
  orderings: [{ title: '主题类别', name: 'themeAsc', by: [{ field: 'theme', direction: 'asc' }] }],
  preview: {
    select: { title: 'title', theme: 'theme', stages: 'stages' },
    prepare: ({ title, theme, stages }) => ({
      title: title || '（未命名主题）',
      subtitle: [
        titleOf(LECTURE_THEMES, theme),
        (Array.isArray(stages) ? stages : []).map((s: string) => titleOf(GRADE_BANDS, s)).join('、') || '⚠ 未选学段',
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
