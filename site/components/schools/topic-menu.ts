/**
 * The 点单 menu's logic, free of Astro: which topics a stage's page lists, grouped by theme, and which
 * model workers offer each. Pages under site/pages/schools/topics/ render what this returns.
 */
import { GRADE_BANDS, LECTURE_THEMES, titleOf } from '#domain/vocabulary'

export interface MenuTopic {
  _id: string
  title: string
  theme: string
  stages: string[]
  description?: string
  durationMinutes?: number
  format?: string
}

export interface MenuWorker {
  _id: string
  name: string
  slug: string
  fictional?: boolean
  availableForSchools: boolean
  talkTopics: string[]
  lectureTopics: { _id: string }[]
  schoolStages: string[]
}

/**
 * Workers named per topic card. With hundreds of workers a card would list them all on every stage's page;
 * beyond this the card says how many more there are and "按主题预约" asks for any of them.
 */
export const WORKERS_PER_TOPIC = 12

export interface TopicEntry<W> {
  topic: MenuTopic
  /** Workers who offer it (to schools, at the stage asked for), in Chinese name order. */
  workers: W[]
}

export interface ThemeGroup<W> {
  theme: string
  title: string
  entries: TopicEntry<W>[]
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN')

/** A worker goes to a stage when they named it, or named none (the Studio: "留空表示不限"). */
export const coversStage = (w: Pick<MenuWorker, 'schoolStages'>, stage?: string) =>
  !stage || w.schoolStages.length === 0 || w.schoolStages.includes(stage)

/**
 * The menu for one stage (every topic when none): topics suiting it, grouped by theme in the vocabulary's
 * order, each with the school workers who offer it and go to that stage. Themes without a topic are left out.
 */
export function topicMenu<W extends MenuWorker>(
  topics: readonly MenuTopic[],
  workers: readonly W[],
  stage?: string,
): ThemeGroup<W>[] {
  const offering = new Map<string, W[]>()
  for (const w of workers) {
    if (!w.availableForSchools || !coversStage(w, stage)) continue
    for (const t of w.lectureTopics) offering.set(t._id, [...(offering.get(t._id) ?? []), w])
  }
  const shown = topics.filter((t) => !stage || t.stages.includes(stage))
  return LECTURE_THEMES.map((theme) => ({
    theme: theme.value as string,
    title: theme.title as string,
    entries: shown
      .filter((t) => t.theme === theme.value)
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
      .map((topic) => ({ topic, workers: [...new Set(offering.get(topic._id) ?? [])].sort(byName) })),
  })).filter((g) => g.entries.length > 0)
}

/** How many topics each stage's page lists (for the stage links). */
export function stageCounts(topics: readonly MenuTopic[]): Map<string, number> {
  return new Map(GRADE_BANDS.map((g) => [g.value, topics.filter((t) => t.stages.includes(g.value)).length]))
}

/**
 * Older content: school workers with free topic tags but no menu topic yet. Their tags stay bookable
 * (the form's topic keywords), listed under the menu so such a worker is not lost from it.
 */
export function tagOnlyTopics<W extends MenuWorker>(
  workers: readonly W[],
  stage?: string,
): { tag: string; workers: W[] }[] {
  const byTag = new Map<string, W[]>()
  for (const w of workers) {
    if (!w.availableForSchools || w.lectureTopics.length > 0 || !coversStage(w, stage)) continue
    for (const tag of new Set(w.talkTopics)) byTag.set(tag, [...(byTag.get(tag) ?? []), w])
  }
  return [...byTag]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
    .map(([tag, ws]) => ({ tag, workers: ws.sort(byName) }))
}

/** "小学、初中" — a topic's stages as a teacher reads them, in the vocabulary's order. */
export const stageTitles = (stages: readonly string[]) =>
  GRADE_BANDS.filter((g) => stages.includes(g.value))
    .map((g) => g.title)
    .join('、')

export const themeTitle = (theme: string) => titleOf(LECTURE_THEMES, theme)
