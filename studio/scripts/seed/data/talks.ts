/**
 * The shape of the sample talk programme: how many talks, where, when and of which kind. The totals
 * match the source article's 213 talks; everything else about them is sample data.
 */
import type { VenueType } from '#domain/vocabulary'
import type { DayRange } from './calendar.ts'

export const TALKS_PER_PREFECTURE: Record<string, number> = {
  兰州市: 40,
  天水市: 18,
  定西市: 18,
  白银市: 14,
  酒泉市: 14,
  庆阳市: 14,
  平凉市: 13,
  张掖市: 13,
  武威市: 13,
  陇南市: 13,
  甘南藏族自治州: 13,
  临夏回族自治州: 12,
  金昌市: 9,
  嘉峪关市: 9,
}
export const TOTAL_TALKS = 213
export const VENUE_TYPE_TOTALS: Record<VenueType, number> = { enterprise: 90, school: 75, community: 48 }
export const HELD_TOTAL = 165
export const CANCELLED_TOTAL = 3

/** County weights: the seat district heaviest; 陇西 heavy in 定西 (other seats 3, other counties 1). */
export const COUNTY_WEIGHT: Record<string, number> = {
  城关区: 5,
  七里河区: 3,
  西固区: 3,
  安宁区: 2,
  陇西县: 6,
  安定区: 3,
}

/** Neighbouring prefectures whose model workers travel to a prefecture without a local speaker. */
export const NEIGHBOURS: Record<string, string[]> = {
  兰州市: ['白银市', '定西市'],
  嘉峪关市: ['酒泉市'],
  金昌市: ['武威市', '张掖市'],
  白银市: ['兰州市'],
  天水市: ['陇南市', '平凉市'],
  武威市: ['金昌市', '兰州市'],
  张掖市: ['金昌市', '酒泉市'],
  平凉市: ['庆阳市', '天水市'],
  酒泉市: ['嘉峪关市'],
  庆阳市: ['平凉市'],
  定西市: ['兰州市', '天水市'],
  陇南市: ['天水市'],
  甘南藏族自治州: ['临夏回族自治州', '兰州市'],
  临夏回族自治州: ['兰州市', '甘南藏族自治州'],
}

/** Stops of the “中国梦·双联情” tour, in order; the first is the report meeting of the article's photo. */
export interface ShuanglianStop {
  pref: string
  county: string
  type: VenueType
  /** A fixed venue; otherwise one is drawn from the county's pool. */
  name?: string
  title?: string
  /** The talk the article's photo shows. */
  article?: boolean
}

export const SHUANGLIAN_STOPS: ShuanglianStop[] = [
  {
    pref: '定西市',
    county: '陇西县',
    type: 'community',
    name: '陇西县巩昌镇某社区党群服务中心',
    title: '“中国梦·双联情”劳动模范陇西报告会',
    article: true,
  },
  { pref: '定西市', county: '陇西县', type: 'school', name: '陇西县某中学' },
  { pref: '定西市', county: '陇西县', type: 'enterprise', name: '陇西县某中药材加工企业职工活动中心' },
  { pref: '定西市', county: '陇西县', type: 'community', name: '陇西县某村党群服务中心' },
  { pref: '定西市', county: '渭源县', type: 'community' },
  { pref: '定西市', county: '通渭县', type: 'school' },
  { pref: '天水市', county: '秦安县', type: 'community' },
  { pref: '天水市', county: '甘谷县', type: 'enterprise' },
  { pref: '陇南市', county: '礼县', type: 'community' },
  { pref: '陇南市', county: '西和县', type: 'school' },
  { pref: '陇南市', county: '宕昌县', type: 'community' },
  { pref: '临夏回族自治州', county: '东乡族自治县', type: 'community' },
  { pref: '临夏回族自治州', county: '广河县', type: 'enterprise' },
  { pref: '甘南藏族自治州', county: '临潭县', type: 'school' },
  { pref: '平凉市', county: '庄浪县', type: 'community' },
  { pref: '庆阳市', county: '环县', type: 'enterprise' },
]

/** When talks happen: the 双联情 stops, the other held talks, then the planned ones. */
export const SHUANGLIAN_PERIOD: DayRange = ['2025-04-14', '2025-10-24']
export const HELD_PERIOD: DayRange = ['2025-01-06', '2026-11-20']
export const FUTURE_PERIOD: DayRange = ['2026-11-26', '2027-12-20']
/** Future talks (by index among the 48) that are cancelled: spread over the year. */
export const CANCELLED_SLOTS = [7, 22, 38]

export const START_TIMES: Record<VenueType, string[]> = {
  school: ['08:30', '09:00', '10:00', '14:30', '15:00'],
  enterprise: ['09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '16:00'],
  community: ['09:00', '09:30', '10:00', '14:30', '15:00', '15:30'],
}
export const AUDIENCE: Record<VenueType, [number, number]> = {
  school: [300, 1200],
  enterprise: [60, 420],
  community: [60, 260],
}
/** Talk lengths in minutes. */
export const DURATIONS = [90, 105, 120]
/** Closing sentences of a held talk's summary; empty ones leave it without. */
export const SUMMARY_TAILS = [
  '报告会后，听众围着劳模问了不少问题。',
  '现场还发放了劳模事迹读本。',
  '',
  '主办方表示将把宣讲活动常态化开展下去。',
  '',
]
