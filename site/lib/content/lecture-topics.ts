/**
 * Normalising the 点单 menu: lecture topics, and the topics and stages a worker gives. Beside
 * normalise.ts (same Problems, same warning format) so that file stays about the other collections.
 */
import type { LECTURE_TOPICS_QUERY_RESULT } from '#domain/sanity.types'
import { GRADE_BANDS, LECTURE_FORMATS, LECTURE_THEMES } from '#domain/vocabulary'
import type { Normalised, Problems, Ref } from './normalise'
import type { LectureTopicInput, TopicLinkInput } from './schemas'

const STAGES = new Set<string>(GRADE_BANDS.map((g) => g.value))
const THEMES = new Set<string>(LECTURE_THEMES.map((t) => t.value))
const FORMATS = new Set<string>(LECTURE_FORMATS.map((f) => f.value))

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** Stage values on the list, each once; anything else is named and dropped. */
export function gradeBands(p: Problems, field: string, values: readonly unknown[] | null | undefined): string[] {
  const kept: string[] = []
  ;(values ?? []).forEach((v, i) => {
    if (typeof v === 'string' && STAGES.has(v)) {
      if (!kept.includes(v)) kept.push(v)
    } else p.add(`${field}[${i}]`, `is ${JSON.stringify(v ?? null)}, not a 学段 (${[...STAGES].join(', ')}) — ignored`)
  })
  return kept
}

type RawTopicLink = { _id: string; title?: string | null; theme?: string | null }

/** A worker's menu topics: unresolved references (deleted, not yet published) and untitled topics are named and left out. */
export function topicLinks(
  p: Problems,
  field: string,
  items: readonly Ref<RawTopicLink>[] | null | undefined,
): TopicLinkInput[] {
  const seen = new Set<string>()
  return p.refs(field, items).flatMap((t) => {
    if (blank(t.title) || !t.theme || !THEMES.has(t.theme)) {
      p.add(field, `references "${t._id}", which has no ${blank(t.title) ? 'title' : 'known theme'} — topic omitted`)
      return []
    }
    if (seen.has(t._id)) return []
    seen.add(t._id)
    return [{ _id: t._id, title: t.title!, theme: t.theme }]
  })
}

type TopicRow = { [K in keyof LECTURE_TOPICS_QUERY_RESULT[number]]?: LECTURE_TOPICS_QUERY_RESULT[number][K] | null } & {
  _id: string
}

export function normaliseLectureTopic(row: TopicRow, p: Problems): Normalised<LectureTopicInput> {
  if (!p.require(row, ['title', 'theme'])) return { data: null, warnings: p.warnings }
  if (!THEMES.has(row.theme!)) {
    p.add('theme', `is "${row.theme}", not a theme of the menu — document skipped`)
    return { data: null, warnings: p.warnings }
  }
  const stages = gradeBands(p, 'stages', row.stages)
  if (!stages.length) p.add('stages', 'is empty (required) — shown on the all-stages menu only')
  const duration = row.durationMinutes
  const badDuration = duration != null && !(Number.isInteger(duration) && duration > 0)
  if (badDuration) p.add('durationMinutes', `is ${duration}, not a whole number of minutes — not shown`)
  if (row.format && !FORMATS.has(row.format)) p.add('format', `is "${row.format}", not a known format — not shown`)
  const data: LectureTopicInput = {
    _id: row._id,
    title: row.title!,
    theme: row.theme!,
    stages,
    description: blank(row.description) ? undefined : row.description!,
    durationMinutes: duration != null && !badDuration ? duration : undefined,
    format: row.format && FORMATS.has(row.format) ? row.format : undefined,
  }
  return { data, warnings: p.warnings }
}
