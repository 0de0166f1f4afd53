/**
 * The map's filter form in the DOM: its controls show the state's filters and are read back into
 * filters (`formValues.ts`), the worker box gets its suggestions once the names are in, and the
 * form's notes say what could not be applied. A closure, not a class: see `island.ts`.
 */
import { FILTER_KEYS, workerChoices, type Filters, type Vocabulary } from '../../lib/map/state'
import { controlValue, filtersFromForm, ignoredNote, unknownWorkerNote, type FilterKey } from './formValues'

type Control = HTMLSelectElement | HTMLInputElement

export interface FilterForm {
  element: HTMLFormElement
  /** Shows `filters` in the controls; clears the worker box's note. */
  show(filters: Filters): void
  /** The filters the controls ask for (`filtersFromForm`). */
  read(currentWorker: string | undefined, vocab: Vocabulary): ReturnType<typeof filtersFromForm>
  /** Fills the worker box's suggestions ([slug, name] in name order); shows the name of `worker`. */
  setWorkers(workers: (readonly [slug: string, name: string])[], worker: string | undefined): void
  /** Says that the worker box's name matched no one (or several). */
  noteUnknownWorker(typed: string): void
  /** Names the link's parameters the map ignored (hidden when there are none). */
  noteIgnored(ignored: string[]): void
  /** `change(event)` when the reader changes a filter; `reset()` once the controls are cleared. */
  listen(change: (event: Event) => void, reset: () => void): void
}

export function filterForm(form: HTMLFormElement): FilterForm {
  const workerBox = form.elements.namedItem('worker') as HTMLInputElement | null
  const workerNote = form.querySelector<HTMLElement>('[data-worker-note]')
  /** The worker box's suggestions, [slug, label] in name order, and each slug's label: set when the text is in. */
  let choices: [string, string][] = []
  let labels = new Map<string, string>()
  const control = (key: FilterKey) => form.elements.namedItem(key) as Control | null

  return {
    element: form,
    show(filters) {
      for (const key of FILTER_KEYS) {
        const c = control(key)
        if (c) c.value = controlValue(filters, key, labels)
      }
      if (workerNote) workerNote.textContent = ''
    },
    read(currentWorker, vocab) {
      const values: Partial<Record<FilterKey, string>> = {}
      for (const key of FILTER_KEYS) {
        const c = control(key)
        if (c) values[key] = c.value
      }
      return filtersFromForm(values, choices, currentWorker, vocab)
    },
    setWorkers(workers, worker) {
      choices = workerChoices(workers)
      labels = new Map(choices)
      form
        .querySelector('[data-worker-choices]')
        ?.replaceChildren(
          ...choices.map(([, label]) => Object.assign(document.createElement('option'), { value: label })),
        )
      if (workerBox && worker) workerBox.value = labels.get(worker) ?? ''
    },
    noteUnknownWorker(typed) {
      if (workerNote) workerNote.textContent = unknownWorkerNote(typed)
    },
    noteIgnored(ignored) {
      const note = form.querySelector<HTMLElement>('[data-map-ignored]')
      if (!note) return
      note.hidden = ignored.length === 0
      note.textContent = ignoredNote(ignored)
    },
    listen(change, reset) {
      form.addEventListener('change', change)
      // A suggestion picked, or the box cleared, applies at once; typing waits for Enter or leaving the box.
      workerBox?.addEventListener('input', (event) => {
        const typed = workerBox.value.trim()
        if (!typed || choices.some(([, label]) => label === typed)) change(event)
      })
      // Enter in the worker box commits it with a change event; the form itself never submits.
      form.addEventListener('submit', (event) => event.preventDefault())
      // `reset` fires before the controls are cleared.
      form.addEventListener('reset', () => setTimeout(reset))
    },
  }
}
