/**
 * The filter form's values ↔ the map's filters, and the notes the form shows: plain functions (no
 * DOM), so `filterForm.ts` only moves strings between them and the controls.
 */
import { FILTER_KEYS, matchWorker, parseState, type Filters, type Vocabulary } from '../../lib/map/state'

export type FilterKey = (typeof FILTER_KEYS)[number]

/** [slug, label]: the worker box's suggestions. */
export type WorkerChoice = readonly [slug: string, label: string]

/**
 * The filters the controls' values ask for (a key is absent without its control). The worker box
 * holds a name, matched against `choices`: one that names no one (or several) keeps `currentWorker`,
 * so the other controls still apply, and comes back as `unknownWorker`.
 */
export function filtersFromForm(
  values: Partial<Record<FilterKey, string>>,
  choices: readonly WorkerChoice[],
  currentWorker: string | undefined,
  vocab: Vocabulary,
): { filters: Filters; unknownWorker: string | null } {
  const params = new URLSearchParams()
  let unknownWorker: string | null = null
  for (const key of FILTER_KEYS) {
    let value = values[key]
    if (key === 'worker' && value !== undefined) {
      const slug = matchWorker(value, choices)
      if (slug === null) unknownWorker = value.trim()
      value = slug ?? currentWorker
    }
    if (value) params.set(key, value)
  }
  return { filters: parseState(params, vocab).state, unknownWorker }
}

/** What a filter's control shows: the worker box the worker's label, the others the URL's value ('' unset). */
export function controlValue(filters: Filters, key: FilterKey, labels: ReadonlyMap<string, string>): string {
  const value = filters[key] === undefined ? '' : String(filters[key])
  return key === 'worker' ? (labels.get(value) ?? '') : value
}

export const unknownWorkerNote = (typed: string) => `没有找到“${typed}”。请输入劳模姓名，或从提示中选择一位。`

/** The note on a link's parameters the map could not apply ('' when it applied them all). */
export const ignoredNote = (ignored: readonly string[]) =>
  ignored.length ? `链接中的以下条件无法识别，已忽略：${ignored.join('，')}` : ''
