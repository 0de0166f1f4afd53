/** The model workers a school can ask for, and the topics they speak on. */
import { GRADE_BANDS, LECTURE_THEMES, type GradeBand } from '#domain/vocabulary'
import { gradeBandsForTopics } from './grade-bands'
import type { MenuTopicOption } from './form'

interface WorkerLike {
  _id: string
  name: string
  slug: string
  fictional?: boolean
  availableForSchools: boolean
  talkTopics: string[]
  /** GRADE_BANDS values the worker declared; empty: derived from their topics. */
  schoolStages: string[]
}

export function schoolWorkers<W extends WorkerLike>(workers: readonly W[]): W[] {
  return workers.filter((w) => w.availableForSchools).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Every topic the school workers offer, most offered first (ties in Chinese order). */
export function schoolTopics(workers: readonly WorkerLike[]): string[] {
  const counts = new Map<string, number>()
  for (const w of workers) for (const t of w.talkTopics) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'zh-CN'))
}

/** The stages a worker goes to, in the vocabulary's order: those they declared, else what their topics suit. */
export function workerGradeBands(w: Pick<WorkerLike, 'talkTopics' | 'schoolStages'>): GradeBand[] {
  const declared = GRADE_BANDS.map((g) => g.value).filter((b) => w.schoolStages.includes(b))
  return declared.length > 0 ? declared : gradeBandsForTopics(w.talkTopics)
}

interface TopicLike {
  _id: string
  title: string
  theme: string
}

const themeOrder = (theme: string) => LECTURE_THEMES.findIndex((t) => t.value === theme)

/** The 点单 menu's topics in menu order (theme, then title): the form's choices and the endpoint's list. */
export function menuTopicsInOrder<T extends TopicLike>(topics: readonly T[]): T[] {
  return [...topics].sort(
    (a, b) => themeOrder(a.theme) - themeOrder(b.theme) || a.title.localeCompare(b.title, 'zh-CN'),
  )
}

/** What the validation needs of each menu topic: its id, and its title for the request's free topic text. */
export const menuTopicOptions = (topics: readonly TopicLike[]): MenuTopicOption[] =>
  menuTopicsInOrder(topics).map((t) => ({ id: t._id, title: t.title }))
