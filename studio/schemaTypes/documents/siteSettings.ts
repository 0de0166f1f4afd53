import { defineField, defineType } from 'sanity'
import { CogIcon } from '@sanity/icons/Cog'
import { TILE_PROVIDERS, listOf } from '#domain/vocabulary'
import { icpProblem, psbProblem, siteCodeProblem } from '#domain/filing'

/** The one settings document: titles, logo, booking office, map provider, filing numbers. */
export const siteSettingsType = defineType({
  name: 'siteSettings',
  title: '站点设置',
  type: 'document',
  icon: CogIcon,
  groups: [
    { name: 'site', title: '网站', default: true },
    { name: 'booking', title: '预约' },
    { name: 'map', title: '地图' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: '网站名称',
      type: 'string',
      group: 'site',
      validation: (rule) => rule.required().error('请填写网站名称'),
    }),
    defineField({ name: 'tagline', title: '副标题', type: 'string', group: 'site' }),
    defineField({
      name: 'organisation',
      title: '主办单位',
      type: 'string',
      group: 'site',
      validation: (rule) => rule.required().error('请填写主办单位'),
    }),
    defineField({
      name: 'logo',
      title: '网站标志',
      type: 'image',
      group: 'site',
      description:
        '显示在每页顶部网站名称左侧，建议使用方形 SVG 或 PNG（至少 96×96 像素）。留空时显示网站自带的简单图形标志，它不是任何组织的徽标。',
      fields: [
        defineField({
          name: 'alt',
          title: '替代文字',
          type: 'string',
          description: '读屏软件读出的文字，如“甘肃省总工会会徽”。留空时使用“主办单位 + 标志”。',
        }),
      ],
    }),
    defineField({
      name: 'operator',
      title: '承办单位',
      type: 'string',
      group: 'site',
      description: '负责网站日常运行维护的单位（如“省总工会宣传教育部”），与主办单位不同时填写，显示在页脚。',
    }),
    defineField({
      name: 'icp',
      title: 'ICP 备案号',
      type: 'string',
      group: 'site',
      description: '如“陇ICP备12345678号-1”，与工信部备案系统中的写法一致。显示在页脚，并链接到工信部备案查询网站。',
      // A warning, not an error: a number typed before this check must not block publishing the settings.
      validation: (rule) => rule.custom((value?: string) => icpProblem(value) ?? true).warning(),
    }),
    defineField({
      name: 'psb',
      title: '公安备案号',
      type: 'string',
      group: 'site',
      description: '如“甘公网安备 62010202000123号”，没有可留空。页脚的链接会带上其中的 14 位数字。',
      validation: (rule) => rule.custom((value?: string) => psbProblem(value) ?? true).warning(),
    }),
    defineField({
      name: 'siteCode',
      title: '网站标识码',
      type: 'string',
      group: 'site',
      description: '政府网站的 10 位网站标识码（如“6200000001”），有则显示在页脚，没有可留空。',
      validation: (rule) => rule.custom((value?: string) => siteCodeProblem(value) ?? true).error(),
    }),
    defineField({
      name: 'correctionEmail',
      title: '纠错邮箱',
      type: 'string',
      group: 'site',
      description:
        '读者点击每页页脚的“联系我们 / 纠错”时写信到这里，邮件已填好页面标题和网址。留空时使用预约邮箱；两者都没有则不显示该链接。',
      validation: (rule) => rule.email().error('邮箱格式不正确'),
    }),
    defineField({ name: 'bookingOffice', title: '预约受理部门', type: 'string', group: 'booking' }),
    defineField({ name: 'bookingPhone', title: '预约电话', type: 'string', group: 'booking' }),
    defineField({
      name: 'bookingEmail',
      title: '预约邮箱',
      type: 'string',
      group: 'booking',
      validation: (rule) => rule.email().error('邮箱格式不正确'),
    }),
    defineField({ name: 'bookingNotes', title: '预约须知', type: 'text', rows: 4, group: 'booking' }),
    defineField({
      name: 'mapProvider',
      title: '地图底图',
      type: 'string',
      group: 'map',
      description: '默认使用内置离线底图（无需任何外部服务）。天地图需要密钥；高德坐标会自动纠偏。',
      options: { list: listOf(TILE_PROVIDERS) },
      initialValue: 'bundled',
    }),
    defineField({
      name: 'mapKey',
      title: '地图密钥',
      type: 'string',
      group: 'map',
      description: '天地图 tk 或高德 key。此密钥会出现在公开网页中，请在服务商后台限制域名。',
    }),
    defineField({
      name: 'mapApproval',
      title: '审图号',
      type: 'string',
      group: 'map',
      description: '所用底图服务商的审图号，如“GS(2024)0650号”，随地图显示。',
    }),
  ],
  preview: {
    select: { title: 'title', subtitle: 'organisation' },
  },
})
