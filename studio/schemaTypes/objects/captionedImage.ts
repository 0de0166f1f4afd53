import { defineField, defineType } from 'sanity'
import { ImageIcon } from '@sanity/icons/Image'
import { altDiffersFromCaption, requiredText } from '../../lib/validation'

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
      validation: (rule) => [
        rule.custom((alt) => requiredText(alt, '请填写替代文字，供视障读者使用')),
        rule
          .custom((alt, ctx) =>
            altDiffersFromCaption(alt as string | undefined, (ctx.parent as { caption?: string } | undefined)?.caption),
          )
          .warning(),
      ],
    }),
    defineField({
      name: 'caption',
      title: '图片说明',
      type: 'string',
      description: '显示在图片下方的说明文字：谁、在哪里、做什么。',
      validation: (rule) => [
        rule.custom((caption) => requiredText(caption, '请填写图片说明')),
        rule.max(120).warning('图片说明建议不超过 120 字'),
      ],
    }),
    defineField({ name: 'credit', title: '摄影 / 来源', type: 'string' }),
  ],
})
