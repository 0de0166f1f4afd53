import { defineArrayMember, defineField, defineType } from 'sanity'
import { UserIcon } from '@sanity/icons/User'
import { PREFECTURE_NAMES } from '#domain/region'
import { GRADE_BANDS, SECTORS, listOf } from '#domain/vocabulary'
import { formerSlugsField } from '../../lib/formerSlugs'
import { isUniqueSlug, slugCharacterRules, slugifyName } from '../../lib/slug'

/** A model worker (劳动模范): the person whose story the site tells and who gives talks. */
export const modelWorkerType = defineType({
  name: 'modelWorker',
  title: '劳模',
  type: 'document',
  icon: UserIcon,
  groups: [
    { name: 'profile', title: '基本信息', default: true },
    { name: 'story', title: '事迹' },
    { name: 'talks', title: '宣讲' },
  ],
  fields: [
    defineField({
      name: 'name',
      title: '姓名',
      type: 'string',
      group: 'profile',
      validation: (rule) => rule.required().error('请填写姓名'),
    }),
    defineField({
      name: 'slug',
      title: '网址标识（拼音）',
      type: 'slug',
      group: 'profile',
      description:
        '点“生成”按姓名拼音自动填写，如 zhang-hongmei；同名时自动加 -2。修改并发布后，旧网址会自动跳转到新页面（见“旧网址标识”）。',
      options: { source: 'name', maxLength: 64, slugify: slugifyName, isUnique: isUniqueSlug },
      validation: (rule) => [rule.required().error('请生成网址标识'), ...slugCharacterRules(rule)],
    }),
    formerSlugsField('profile'),
    defineField({
      name: 'portrait',
      title: '肖像照片',
      type: 'image',
      group: 'profile',
      options: { hotspot: true },
      fields: [
        defineField({
          name: 'alt',
          title: '替代文字',
          type: 'string',
          description: '描述照片内容，如“张红梅在车间检查设备”。',
          validation: (rule) => rule.required().error('请填写肖像照片的替代文字'),
        }),
        defineField({ name: 'credit', title: '摄影 / 来源', type: 'string' }),
      ],
    }),
    defineField({
      name: 'fictional',
      title: '虚构示例人物',
      type: 'boolean',
      group: 'profile',
      description: '仅用于示例数据：网站会在此人资料上标明“虚构人物”。真实劳模请保持关闭。',
      initialValue: false,
    }),
    defineField({
      name: 'honours',
      title: '荣誉称号',
      type: 'array',
      group: 'profile',
      of: [defineArrayMember({ type: 'honour' })],
      validation: (rule) => rule.min(1).warning('劳模通常至少有一项荣誉称号'),
    }),
    defineField({ name: 'employer', title: '工作单位', type: 'string', group: 'profile' }),
    defineField({ name: 'post', title: '岗位 / 职务', type: 'string', group: 'profile' }),
    defineField({
      name: 'sector',
      title: '行业',
      type: 'string',
      group: 'profile',
      options: { list: listOf(SECTORS) },
    }),
    defineField({
      name: 'prefecture',
      title: '所在市州',
      type: 'string',
      group: 'profile',
      options: { list: PREFECTURE_NAMES },
    }),
    defineField({
      name: 'summary',
      title: '一句话简介',
      type: 'text',
      rows: 2,
      group: 'story',
      description: '列表和分享卡片上显示，建议 60 字以内。',
      validation: (rule) => rule.max(80).warning('一句话简介建议不超过 80 字'),
    }),
    defineField({ name: 'bio', title: '先进事迹', type: 'blockContent', group: 'story' }),
    defineField({
      name: 'source',
      title: '资料来源',
      type: 'string',
      group: 'story',
      description: '事迹出处（报道标题、刊物），便于读者核对。',
    }),
    defineField({
      name: 'talkTopics',
      title: '宣讲主题',
      type: 'array',
      group: 'talks',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
      description:
        '自由填写的主题标签（旧做法）。进校园的劳模请改用下面的“点单主题”；只有标签的劳模，网站仍按标签显示。',
    }),
    defineField({
      name: 'lectureTopics',
      title: '点单主题',
      type: 'array',
      group: 'talks',
      description: '此劳模能讲的点单主题（在“宣讲主题（点单）”中维护）。学校在点单菜单上按主题找到此劳模。',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'lectureTopic' }] })],
      validation: (rule) => [
        rule.unique().error('同一个主题不要重复添加'),
        rule.max(8).warning('主题建议不超过 8 个，突出最擅长的'),
        rule
          .custom((topics, context) =>
            context.document?.availableForSchools === true && !(Array.isArray(topics) && topics.length)
              ? '可进校园的劳模请至少选择一个点单主题，学校才能在点单菜单上找到'
              : true,
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'schoolStages',
      title: '可面向的学段',
      type: 'array',
      group: 'talks',
      description: '此劳模愿意去哪些学段的学校宣讲。留空表示不限。',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: listOf(GRADE_BANDS), layout: 'grid' },
      validation: (rule) => rule.unique().error('学段不要重复选择'),
    }),
    defineField({
      name: 'availableForSchools',
      title: '可进校园宣讲',
      type: 'boolean',
      group: 'talks',
      description: '打开后，此劳模会出现在“劳模进校园”页面，学校可预约。',
      initialValue: false,
    }),
  ],
  orderings: [{ title: '姓名', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: {
      title: 'name',
      employer: 'employer',
      post: 'post',
      honour: 'honours.0.title',
      media: 'portrait',
    },
    prepare: ({ title, employer, post, honour, media }) => ({
      title,
      subtitle: [honour, [employer, post].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
      media,
    }),
  },
})
