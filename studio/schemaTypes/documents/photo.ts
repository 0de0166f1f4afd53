import { defineArrayMember, defineField, defineType } from 'sanity'
import { ImagesIcon } from '@sanity/icons/Images'
import { PREFECTURE_NAMES } from '#domain/region'
import { photoSubtitle } from '../../lib/previews'
import { minorsNeedConsent } from '#domain/validation'
import { altValidation, captionValidation } from '../objects/imageText'

/** A captioned photograph: of a talk, a model worker at work, or a union event. */
export const photoType = defineType({
  name: 'photo',
  title: '图片',
  type: 'document',
  icon: ImagesIcon,
  fields: [
    defineField({
      name: 'image',
      title: '图片',
      type: 'image',
      options: { hotspot: true },
      validation: (rule) => rule.required().error('请上传图片'),
    }),
    defineField({
      name: 'caption',
      title: '图片说明',
      type: 'text',
      rows: 2,
      description: '显示在图片下方：谁、在哪里、做什么。',
      validation: captionValidation,
    }),
    defineField({
      name: 'alt',
      title: '替代文字',
      type: 'string',
      description: '为看不到图片的读者描述画面，不要与图片说明完全相同。',
      validation: altValidation,
    }),
    defineField({ name: 'credit', title: '摄影 / 来源', type: 'string' }),
    defineField({ name: 'takenAt', title: '拍摄日期', type: 'date' }),
    defineField({ name: 'place', title: '拍摄地点', type: 'string' }),
    defineField({
      name: 'prefecture',
      title: '市州',
      type: 'string',
      options: { list: PREFECTURE_NAMES },
    }),
    defineField({
      name: 'people',
      title: '照片中的劳模',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'modelWorker' }] })],
    }),
    defineField({
      name: 'talk',
      title: '所属报告会',
      type: 'reference',
      to: [{ type: 'talk' }],
    }),
    defineField({
      name: 'showsMinors',
      title: '照片中有可辨认的未成年人',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'minorsConsent',
      title: '已取得监护人同意',
      type: 'boolean',
      description: '有可辨认的未成年人时，必须取得学校或监护人的书面同意才能发布。',
      hidden: ({ document }) => !document?.showsMinors,
      validation: (rule) =>
        rule.custom((consent, ctx) =>
          minorsNeedConsent((ctx.document as { showsMinors?: boolean }).showsMinors, consent as boolean | undefined),
        ),
    }),
    defineField({
      name: 'placeholder',
      title: '占位图',
      type: 'boolean',
      description: '程序生成的示例占位图，不是真实照片。网站会标明。',
      initialValue: false,
    }),
  ],
  orderings: [{ title: '拍摄日期（新到旧）', name: 'takenAtDesc', by: [{ field: 'takenAt', direction: 'desc' }] }],
  preview: {
    select: {
      caption: 'caption',
      takenAt: 'takenAt',
      place: 'place',
      showsMinors: 'showsMinors',
      minorsConsent: 'minorsConsent',
      alt: 'alt',
      media: 'image',
    },
    prepare: ({ caption, media, ...rest }) => ({
      title: caption || '（缺少图片说明）',
      subtitle: photoSubtitle(rest),
      media,
    }),
  },
})
