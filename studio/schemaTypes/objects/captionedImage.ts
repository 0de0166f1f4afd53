import { defineField, defineType } from 'sanity'
import { ImageIcon } from '@sanity/icons/Image'
import { altValidation, captionValidation } from './imageText'

/** An inline figure in Portable Text: every image needs alt text and a caption. */
export const captionedImageType = defineType({
  name: 'captionedImage',
  title: '带说明的图片',
  type: 'image',
  icon: ImageIcon,
  options: { hotspot: true },
  fields: [
    defineField({
      name: 'alt',
      title: '替代文字',
      type: 'string',
      description: '为看不到图片的读者描述画面内容（读屏软件会朗读）。',
      validation: altValidation,
    }),
    defineField({
      name: 'caption',
      title: '图片说明',
      type: 'string',
      description: '显示在图片下方的说明文字：谁、在哪里、做什么。',
      validation: captionValidation,
    }),
    defineField({ name: 'credit', title: '摄影 / 来源', type: 'string' }),
  ],
})
