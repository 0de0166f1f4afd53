import { describe, expect, it } from 'vitest'
import { FILTER_KEYS, type Filters, type Vocabulary } from '../../lib/map/state'
import { controlValue, filtersFromForm, ignoredNote, unknownWorkerNote, type WorkerChoice } from './formValues'

const vocab: Vocabulary = {
  prefectures: new Set(['兰州市', '天水市']),
  years: new Set([2025, 2026]),
  workers: new Set(['li-si', 'li-si-2', 'wang-wu']),
  tours: new Set(['xiaoyuan']),
  talks: new Set(['t1']),
}
const choices: WorkerChoice[] = [
  ['li-si', '李四（li-si）'],
  ['li-si-2', '李四（li-si-2）'],
  ['wang-wu', '王五'],
]

describe('filters from the form', () => {
  it('reads every control, and leaves out empty ones', () => {
    const values = { type: 'school', prefecture: '天水市', year: '2025', worker: '', tour: 'xiaoyuan', status: '' }
    expect(filtersFromForm(values, choices, undefined, vocab)).toEqual({
      filters: { type: 'school', prefecture: '天水市', year: 2025, tour: 'xiaoyuan' },
      unknownWorker: null,
    })
  })

  it('turns the name in the worker box into the worker it picks', () => {
    expect(filtersFromForm({ worker: ' 王五 ' }, choices, undefined, vocab).filters).toEqual({ worker: 'wang-wu' })
    expect(filtersFromForm({ worker: 'li-si-2' }, choices, undefined, vocab).filters).toEqual({ worker: 'li-si-2' })
  })

  it('keeps the current worker for a name that picks no one or several, and returns the name', () => {
    expect(filtersFromForm({ type: 'community', worker: ' 张三 ' }, choices, 'wang-wu', vocab)).toEqual({
      filters: { type: 'community', worker: 'wang-wu' },
      unknownWorker: '张三',
    })
    expect(filtersFromForm({ worker: '李四' }, choices, undefined, vocab)).toEqual({
      filters: {},
      unknownWorker: '李四',
    })
  })

  it('drops values the data does not know, as a URL with them would', () => {
    expect(filtersFromForm({ prefecture: '酒泉市', year: '1999', type: 'farm' }, choices, undefined, vocab)).toEqual({
      filters: {},
      unknownWorker: null,
    })
  })

  it('reads a form without a worker box', () => {
    expect(filtersFromForm({ status: 'held' }, [], 'wang-wu', vocab)).toEqual({
      filters: { status: 'held' },
      unknownWorker: null,
    })
  })
})

describe('the form showing filters', () => {
  const labels = new Map(choices)
  const formValues = (filters: Filters, labels: ReadonlyMap<string, string>) =>
    Object.fromEntries(FILTER_KEYS.map((key) => [key, controlValue(filters, key, labels)]))

  it('gives every control a value: the worker box the label, the others the value, empty when unset', () => {
    expect(formValues({ year: 2026, worker: 'li-si-2', status: 'planned' }, labels)).toEqual({
      type: '',
      prefecture: '',
      year: '2026',
      worker: '李四（li-si-2）',
      tour: '',
      status: 'planned',
    })
  })

  it('leaves the worker box empty while the names are not in', () => {
    expect(formValues({ worker: 'wang-wu' }, new Map()).worker).toBe('')
  })

  it('reads back the filters it shows', () => {
    const filters = { type: 'enterprise', prefecture: '兰州市', worker: 'li-si' } as const
    expect(filtersFromForm(formValues(filters, labels), choices, undefined, vocab).filters).toEqual(filters)
  })
})

describe('form notes', () => {
  it('names what could not be applied, and says nothing when everything was', () => {
    expect(unknownWorkerNote('张三')).toContain('“张三”')
    expect(ignoredNote(['year=1999', 'type=farm'])).toMatch(/year=1999，type=farm$/)
    expect(ignoredNote([])).toBe('')
  })
})
