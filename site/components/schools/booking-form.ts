/**
 * Progressive enhancement of the booking form (the form itself works as a plain POST):
 * - a fresh idempotency key per page view, so a double submit stores one request;
 * - `?worker=<slug>` preselects that model worker, `?topic=<topic>` that topic keyword, `?lectureTopic=<id>`
 *   that 点单 menu topic and `?any=1` "任一可安排的劳模";
 * - validation as you type, with the same rules the endpoint applies;
 * - submit through fetch, showing the reference number in place;
 * - where the site is hosted as static files only (the endpoint answers 404/405 or not at all),
 *   the booking office's phone and email replace the form instead of a failed submission.
 */
import { requestStatusPath } from '#domain/paths'
import { chinaDate } from '../../lib/format'
import { dateBounds, FIELD_NAMES, parseBooking, valuesFromParams, type FieldErrors } from '../../lib/booking/form'

type Answer = { reference?: string; errors?: FieldErrors; message?: string }

export function enhanceBookingForm(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-form-status]')!
  const offline = form.parentElement!.querySelector<HTMLElement>('[data-booking-offline]')!
  const done = form.parentElement!.querySelector<HTMLElement>('[data-booking-done]')!
  const keyInput = form.querySelector<HTMLInputElement>('[data-idempotency-key]')!
  if (!keyInput.value) keyInput.value = crypto.randomUUID()

  const query = new URLSearchParams(location.search)
  const wanted = query.get('worker')
  if (wanted) {
    const box = form.querySelector<HTMLInputElement>(`input[name="workers"][data-worker-slug="${CSS.escape(wanted)}"]`)
    if (box) box.checked = true
  }
  const topicSelect = form.querySelector<HTMLSelectElement>('select[name="topic"]')
  const wantedTopic = query.get('topic')
  // Only a topic the list offers: an unknown one leaves "不限，请推荐".
  if (topicSelect && wantedTopic && [...topicSelect.options].some((o) => o.value === wantedTopic))
    topicSelect.value = wantedTopic

  const menuSelect = form.querySelector<HTMLSelectElement>('select[name="lectureTopic"]')
  const wantedMenuTopic = query.get('lectureTopic')
  if (menuSelect && wantedMenuTopic && [...menuSelect.options].some((o) => o.value === wantedMenuTopic))
    menuSelect.value = wantedMenuTopic
  const anyBox = form.querySelector<HTMLInputElement>('input[name="anyWorker"]')
  if (anyBox && query.get('any') === '1') anyBox.checked = true

  const touched = new Set<string>()
  // The lists the page offers are the lists the endpoint accepts (both come from the same workers).
  const workerIds = [...form.querySelectorAll<HTMLInputElement>('input[name="workers"]')].map((i) => i.value)
  const topics = [...form.querySelectorAll<HTMLOptionElement>('select[name="topic"] option')]
    .map((o) => o.value)
    .filter(Boolean)
  const menuTopics = [...(menuSelect?.options ?? [])]
    .filter((o) => o.value)
    .map((o) => ({ id: o.value, title: o.text.trim() }))
  const validate = () =>
    parseBooking(valuesFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>)), {
      workerIds,
      topics,
      menuTopics,
      today: chinaDate(),
    })

  // The date pickers offer only the days the schema accepts. Set here, not in the markup: the page
  // is built once, and "today" moves on.
  const { min, max } = dateBounds(chinaDate())
  for (const n of [1, 2]) {
    const start = form.querySelector<HTMLInputElement>(`input[name="date${n}Start"]`)
    const end = form.querySelector<HTMLInputElement>(`input[name="date${n}End"]`)
    for (const input of [start, end]) if (input) Object.assign(input, { min, max })
    if (start && end) start.addEventListener('change', () => (end.min = start.value > min ? start.value : min))
  }

  function show(errors: FieldErrors, only?: Set<string>) {
    for (const name of FIELD_NAMES) {
      if (only && !only.has(name)) continue
      const message = errors[name] ?? ''
      const slot = form.querySelector<HTMLElement>(`[data-error-for="${name}"]`)
      if (slot) slot.textContent = message
      for (const control of form.querySelectorAll<HTMLElement>(`[name="${name}"]`)) {
        if (control.getAttribute('type') === 'checkbox' && name === 'workers') continue
        if (message) control.setAttribute('aria-invalid', 'true')
        else control.removeAttribute('aria-invalid')
      }
    }
  }

  const onChange = (event: Event) => {
    const name = (event.target as HTMLInputElement).name
    if (!name || !(FIELD_NAMES as readonly string[]).includes(name)) return
    if (event.type === 'change' || event.type === 'focusout') touched.add(name)
    const result = validate()
    show(result.ok ? {} : result.errors, touched)
  }
  form.addEventListener('input', onChange)
  form.addEventListener('change', onChange)
  form.addEventListener('focusout', onChange)

  function goOffline() {
    form.hidden = true
    offline.hidden = false
    offline.setAttribute('tabindex', '-1')
    offline.focus()
  }

  // A static host has no endpoint: find out before the teacher types anything.
  fetch(form.action, { headers: { Accept: 'application/json' } })
    .then(async (r) => {
      const body = r.ok ? ((await r.json().catch(() => null)) as { ready?: boolean } | null) : null
      if (!body?.ready) goOffline()
    })
    .catch(goOffline)

  let sending = false
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (sending) return
    const result = validate()
    if (!result.ok) {
      for (const name of FIELD_NAMES) touched.add(name)
      show(result.errors)
      status.textContent = `有 ${Object.keys(result.errors).length} 处需要修改，请查看标红的项目。`
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    sending = true
    status.textContent = ''
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
    button.disabled = true
    button.textContent = '正在提交…'
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      })
      const answer = (await response.json().catch(() => null)) as Answer | null
      if (response.ok && answer?.reference) {
        form.hidden = true
        done.querySelector('[data-reference]')!.textContent = answer.reference
        done.querySelector<HTMLAnchorElement>('[data-status-link]')!.href = requestStatusPath(answer.reference)
        done.hidden = false
        done.focus()
      } else if (answer?.errors) {
        show(answer.errors)
        status.textContent = `有 ${Object.keys(answer.errors).length} 处需要修改，请查看标红的项目。`
      } else if (answer?.message) {
        status.textContent = answer.message
      } else {
        goOffline()
      }
    } catch {
      goOffline()
    } finally {
      sending = false
      button.disabled = false
      button.textContent = '提交预约申请'
    }
  })
}
