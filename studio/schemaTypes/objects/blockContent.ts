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
                validation: (rule) => rule.uri({ scheme: ['http', 'https', 'mailto', 'tel'] }).error('请输入有效网址'),
              },
            ],
          },
        ],
      },
    }),
    defineArrayMember({ type: 'captionedImage' }),
  ],
})
