/**
 * Which school stages a talk topic suits: the stages of a worker who declared none (the Studio's
 * schoolStages, "留空表示不限") are derived from their free topic tags with this table, which an editor
 * can read and change in one place. A topic not in the table suits every band, so a new topic never
 * hides a worker from the list.
 */
import { GRADE_BANDS, type GradeBand } from '#domain/vocabulary'

const ALL: readonly GradeBand[] = GRADE_BANDS.map((g) => g.value)

export const TOPIC_GRADE_BANDS: Readonly<Record<string, readonly GradeBand[]>> = {
  劳动教育: ['primary', 'junior', 'senior', 'vocational'],
  科技创新: ALL,
  绿色发展: ALL,
  爱岗敬业: ['junior', 'senior', 'vocational', 'university'],
  工匠精神: ['junior', 'senior', 'vocational', 'university'],
  乡村振兴: ['junior', 'senior', 'vocational', 'university'],
  职业规划: ['senior', 'vocational', 'university'],
  技能成才: ['senior', 'vocational', 'university'],
  安全生产: ['vocational', 'university'],
  班组管理: ['vocational', 'university'],
}

/** The bands a worker's topics suit, in the vocabulary's order. */
export function gradeBandsForTopics(topics: readonly string[]): GradeBand[] {
  if (topics.length === 0) return [...ALL]
  const bands = new Set(topics.flatMap((t) => TOPIC_GRADE_BANDS[t] ?? ALL))
  return ALL.filter((b) => bands.has(b))
}
