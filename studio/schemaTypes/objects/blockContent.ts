import { defineArrayMember, defineType } from 'sanity'

/** Rich text for biographies and stories: headings, lists, links and captioned figures. */
export const blockContentType = defineType({
  name: 'blockContent',
  title: '正文',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: '正文', value: 'normal' },
        { title: '小标题', value: 'h2' },
        { title: '三级标题', value: 'h3' },
        { title: '引用', value: 'blockquote' },
      ],
      lists: [
        { title: '项目符号', value: 'bullet' },
        { title: '编号', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: '加粗', value: 'strong' },
          { title: '强调', value: 'em' },
        ],
        annotations: [
          {
            name: 'link',
            type: 'object',
            title: '链接',
            fields: [
              {
                name: 'href',
                type: 'url',
                title: '网址',
                description: '以 https://、http://、mailto:（邮箱）或 tel:（电话）开头的完整地址。',
                // The site renders no other scheme as a link (javascript: and data: could run code).
                validation: (rule) =>
                  rule
                    .uri({ scheme: ['http', 'https', 'mailto', 'tel'] })
                    .error('链接只能以 https://、http://、mailto: 或 tel: 开头，并填写完整地址'),
              },
            ],
          },
        ],
      },
    }),
    defineArrayMember({ type: 'captionedImage' }),
  ],
})
