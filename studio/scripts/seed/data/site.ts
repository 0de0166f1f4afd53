/** Site-wide sample values: the settings document and the labels every placeholder carries. */
import type { SiteSettings } from '#domain/sanity.types'

/** Credit on every generated image, so no placeholder passes for a real photo. */
export const PLACEHOLDER_CREDIT = '示例占位图（程序生成）'

/** A seed document: what an import needs, without the fields Sanity adds itself. */
export type SeedDocument<T> = Omit<T, '_createdAt' | '_updatedAt' | '_rev'>

export const SITE_SETTINGS: SeedDocument<SiteSettings> = {
  _id: 'siteSettings',
  _type: 'siteSettings',
  title: '劳模宣讲',
  tagline: '劳模进企业、进校园、进社区——听劳模讲身边的奋斗故事',
  organisation: '甘肃省总工会（示例数据）',
  icp: '',
  operator: '省总工会宣传教育部（示例）',
  correctionEmail: 'jiucuo@example.org',
  bookingOffice: '省总工会劳模宣讲办公室（示例）',
  bookingPhone: '0931-0000000',
  bookingEmail: 'booking@example.org',
  bookingNotes:
    '学校可在线提交预约申请，工作人员一般在 5 个工作日内电话联系。请提前至少一个月预约，并注明学段和预计听众人数。（示例数据，电话和邮箱均为虚构。）',
  mapProvider: 'bundled',
  mapApproval: '',
}
