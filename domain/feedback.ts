/** What a school is asked after a talk: the controlled answers shared by the form, the Studio and the site. */
import type { Option } from './vocabulary.ts'

export const RATING_MIN = 1
export const RATING_MAX = 5
/** A school hall holds a few hundred; more than this is a typo, not an audience. */
export const MAX_STUDENTS = 5000
export const MAX_COMMENT = 1000
export const MAX_QUOTE = 120

/** "哪些地方好": ticked, so the answers can be counted; anything else goes in the comment. */
export const FEEDBACK_HIGHLIGHTS = [
  { value: 'story', title: '劳模事迹真实感人' },
  { value: 'relevant', title: '内容贴近学生生活' },
  { value: 'interaction', title: '互动交流充分' },
  { value: 'career', title: '对职业选择有启发' },
  { value: 'craft', title: '技能展示或实物演示' },
  { value: 'length', title: '时长安排合适' },
] as const satisfies readonly Option[]
export type FeedbackHighlight = (typeof FEEDBACK_HIGHLIGHTS)[number]['value']

export const INVITE_AGAIN = [
  { value: 'yes', title: '愿意' },
  { value: 'maybe', title: '视情况而定' },
  { value: 'no', title: '暂不考虑' },
] as const satisfies readonly Option[]
export type InviteAgain = (typeof INVITE_AGAIN)[number]['value']
