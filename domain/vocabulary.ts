/** Controlled vocabularies of the content model: stored values (English, stable) and Chinese titles. */

export interface Option<T extends string = string> {
  value: T
  title: string
}

export const VENUE_TYPES = [
  { value: 'enterprise', title: '企业' },
  { value: 'school', title: '校园' },
  { value: 'community', title: '社区' },
] as const satisfies readonly Option[]
export type VenueType = (typeof VENUE_TYPES)[number]['value']

export const TALK_STATUSES = [
  { value: 'planned', title: '计划中' },
  { value: 'held', title: '已举办' },
  { value: 'cancelled', title: '已取消' },
] as const satisfies readonly Option[]
export type TalkStatus = (typeof TALK_STATUSES)[number]['value']

export const HONOUR_LEVELS = [
  { value: 'national', title: '全国' },
  { value: 'provincial', title: '省级' },
  { value: 'city', title: '市级' },
  { value: 'industry', title: '行业' },
] as const satisfies readonly Option[]
export type HonourLevel = (typeof HONOUR_LEVELS)[number]['value']

export const SECTORS = [
  { value: 'manufacturing', title: '制造业' },
  { value: 'energy', title: '能源化工' },
  { value: 'mining', title: '冶金矿业' },
  { value: 'agriculture', title: '农业' },
  { value: 'education', title: '教育' },
  { value: 'health', title: '医疗卫生' },
  { value: 'transport', title: '交通运输' },
  { value: 'construction', title: '建筑' },
  { value: 'services', title: '服务业' },
  { value: 'culture', title: '文化旅游' },
] as const satisfies readonly Option[]
export type Sector = (typeof SECTORS)[number]['value']

export const GRADE_BANDS = [
  { value: 'primary', title: '小学' },
  { value: 'junior', title: '初中' },
  { value: 'senior', title: '高中' },
  { value: 'vocational', title: '职业院校' },
  { value: 'university', title: '高校' },
] as const satisfies readonly Option[]
export type GradeBand = (typeof GRADE_BANDS)[number]['value']

/** Themes of the school talk menu (点单): each lecture topic belongs to one. */
export const LECTURE_THEMES = [
  { value: 'labour', title: '劳动教育' },
  { value: 'craftsmanship', title: '工匠精神' },
  { value: 'safety', title: '安全生产' },
  { value: 'innovation', title: '科技创新' },
  { value: 'dedication', title: '爱岗敬业' },
  { value: 'rural', title: '乡村振兴' },
  { value: 'green', title: '绿色发展' },
  { value: 'career', title: '职业规划' },
] as const satisfies readonly Option[]
export type LectureTheme = (typeof LECTURE_THEMES)[number]['value']

/** How a menu topic is given (optional on the topic). */
export const LECTURE_FORMATS = [
  { value: 'assembly', title: '全校或年级报告会' },
  { value: 'classroom', title: '班级课堂' },
  { value: 'workshop', title: '互动体验课' },
  { value: 'visit', title: '参观交流（学生到岗位）' },
] as const satisfies readonly Option[]
export type LectureFormat = (typeof LECTURE_FORMATS)[number]['value']

export const REQUEST_STATUSES = [
  { value: 'new', title: '新申请' },
  { value: 'contacted', title: '已联系' },
  { value: 'scheduled', title: '已安排' },
  { value: 'declined', title: '已婉拒' },
] as const satisfies readonly Option[]
export type RequestStatus = (typeof REQUEST_STATUSES)[number]['value']

export const TILE_PROVIDERS = [
  { value: 'bundled', title: '内置离线底图（无需瓦片服务）' },
  { value: 'tianditu-vec', title: '天地图 矢量' },
  { value: 'tianditu-img', title: '天地图 影像' },
  { value: 'gaode', title: '高德地图' },
] as const satisfies readonly Option[]
export type TileProvider = (typeof TILE_PROVIDERS)[number]['value']

export function titleOf<T extends string>(options: readonly Option<T>[], value: string | undefined | null): string {
  return options.find((o) => o.value === value)?.title ?? ''
}

/** For Sanity `options.list`: mutable copies. */
export function listOf(options: readonly Option[]): { value: string; title: string }[] {
  return options.map((o) => ({ ...o }))
}
