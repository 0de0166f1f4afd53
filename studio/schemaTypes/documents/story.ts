import { defineArrayMember, defineField, defineType } from 'sanity'
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { formerSlugsField } from '../../lib/formerSlugs'
import { isUniqueSlug, slugCharacterRules, slugifyTitle } from '../../lib/slug'

/** A published story (报道): news of the campaign or a model worker's deeds. */
export const storyType = defineType({
  name: 'story',
  title: '报道',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'title',
      title: '标题',
      type: 'string',
      validation: (rule) => [
        rule.required().error('请填写标题'),
        rule.max(40).warning('标题建议不超过 40 字，便于手机阅读和分享'),
      ],
    }),
    defineField({
      name: 'slug',
      title: '网址标识',
      type: 'slug',
      description:
        '点“生成”按标题拼音自动填写，如 laomo-jingshen-jin-xiaoyuan；重名时自动加 -2。修改并发布后，旧网址会自动跳转到新页面（见“旧网址标识”）。',
      options: { source: 'title', maxLength: 80, slugify: slugifyTitle, isUnique: isUniqueSlug },
      validation: (rule) => [rule.required().error('请生成网址标识'), ...slugCharacterRules(rule)],
    }),
    formerSlugsField(),
    defineField({
      name: 'publishedAt',
      title: '发布时间',
      type: 'datetime',
      validation: (rule) => rule.required().error('请填写发布时间'),
    }),
    defineField({
      name: 'excerpt',
      title: '摘要',
      type: 'text',
      rows: 3,
      description: '列表、搜索结果和分享卡片上显示。',
      validation: (rule) => [rule.required().error('请填写摘要'), rule.max(140).warning('摘要建议不超过 140 字')],
    }),
    defineField({
      name: 'mainImage',
      title: '题图',
      type: 'captionedImage',
    }),
    defineField({
      name: 'body',
      title: '正文',
      type: 'blockContent',
      validation: (rule) => rule.required().error('请填写正文'),
    }),
    defineField({
      name: 'relatedWorkers',
      title: '相关劳模',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'modelWorker' }] })],
    }),
    defineField({ name: 'author', title: '作者', type: 'string' }),
  ],
  orderings: [
    { title: '发布时间（新到旧）', name: 'publishedDesc', by: [{ field: 'publishedAt', direction: 'desc' }] },
  ],
  preview: {
    select: { title: 'title', publishedAt: 'publishedAt', media: 'mainImage' },
    prepare: ({ title, publishedAt, media }) => ({
      title,
      subtitle: publishedAt ? String(publishedAt).slice(0, 10) : '未发布',
      media,
    }),
  },
})
