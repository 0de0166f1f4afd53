/** The lecture tours. The first is named in the source article; its stops here are sample data. */
import type { VenueType } from '#domain/vocabulary'

export interface TourSpec {
  id: string
  slug: string
  title: string
  /** Used in talk titles: "<short>——<venue>专场报告会". */
  short: string
  description: string
  start: string
  end: string
  organiser: string
}

export const TOURS: TourSpec[] = [
  {
    id: 'tour-zhongguomeng-shuanglianqing',
    slug: 'zhongguomeng-shuanglianqing',
    title: '“中国梦·双联情”劳动模范报告会',
    short: '“中国梦·双联情”劳动模范报告会',
    description:
      '甘肃省总工会组织劳动模范走进“双联”联系村镇和基层单位宣讲。《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》一文刊登了“中国梦·双联情”劳动模范陇西报告会会场的照片。本站所列各场次为示例数据。',
    start: '2025-04-01',
    end: '2025-10-31',
    organiser: '甘肃省总工会',
  },
  {
    id: 'tour-laomo-jingshen-jin-xiaoyuan',
    slug: 'laomo-jingshen-jin-xiaoyuan',
    title: '劳模精神进校园',
    short: '劳模精神进校园',
    description: '劳模走进中小学、职业院校和高校，讲述成长故事，配合学校开展劳动教育。（示例数据）',
    start: '2025-01-06',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
  {
    id: 'tour-laomo-gongjiang-jin-qiye',
    slug: 'laomo-gongjiang-jin-qiye',
    title: '劳模工匠进企业',
    short: '劳模工匠进企业',
    description: '劳模工匠走进车间班组，交流操作经验、安全生产和技术创新做法。（示例数据）',
    start: '2025-01-02',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
  {
    id: 'tour-laomo-xuanjiang-jin-shequ',
    slug: 'laomo-xuanjiang-jin-shequ',
    title: '劳模宣讲进社区',
    short: '劳模宣讲进社区',
    description: '劳模走进城乡社区和新时代文明实践站所，在家门口和居民、职工面对面。（示例数据）',
    start: '2025-03-01',
    end: '2027-12-31',
    organiser: '甘肃省总工会（示例）',
  },
]
/** “中国梦·双联情”: a fixed list of stops in 2025 (data/talks.ts), two speakers more often. */
export const SHUANGLIAN = TOURS[0]
/** The standing tour each kind of venue belongs to. */
export const TOUR_BY_TYPE: Record<VenueType, TourSpec> = { school: TOURS[1], enterprise: TOURS[2], community: TOURS[3] }
