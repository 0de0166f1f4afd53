/** Which of a model worker's honours a short format (a poster, a printed profile) names first. */
import { HONOUR_LEVELS } from '#domain/vocabulary'

interface Honour {
  title?: string | null
  level?: string | null
  year?: number | null
}

const rank = (level: string | null | undefined) => {
  const i = HONOUR_LEVELS.findIndex((l) => l.value === level)
  return i < 0 ? HONOUR_LEVELS.length : i
}

/**
 * The `count` highest honours with a title: national before provincial before city and industry,
 * then the most recent first; an honour without a year after those with one. Stable otherwise.
 */
export function leadingHonours<H extends Honour>(honours: readonly H[], count: number): H[] {
  return honours
    .filter((h) => h.title)
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(a.h.level) - rank(b.h.level) || (b.h.year ?? -Infinity) - (a.h.year ?? -Infinity) || a.i - b.i)
    .slice(0, count)
    .map(({ h }) => h)
}
