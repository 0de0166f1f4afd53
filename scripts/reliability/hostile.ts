/**
 * 3. Hostile input: each refused with 4xx and a Chinese message, or accepted with the characters that have no
 * place in a booking removed; never a 5xx, and the server still answers.
 */
import path from 'node:path'
import { SECTION_PATHS } from '#domain/paths'
import { form, inboxState, keyOf, type Doc } from './bookings.ts'
import { check, figure, latency, statuses } from './figures.ts'
import { hostileCases } from './hostile-cases.ts'
import { CJK } from './settings.ts'
import { referenceOf, startTarget, submit, type Answer, type Target } from './targets.ts'

/** A Chinese message in a refusal: JSON `message` or `errors`, or the HTML/text page. */
function chineseMessage(answer: Answer): boolean {
  try {
    const json = JSON.parse(answer.text) as { message?: string; errors?: Record<string, string> }
    return CJK.test(json.message ?? '') || Object.values(json.errors ?? {}).some((m) => CJK.test(m))
  } catch {
    return CJK.test(answer.text)
  }
}

/** What no stored booking may contain: control characters (but a note's line breaks), invisible ones, markup. */
function unsanitised(doc: Doc): string[] {
  const problems: string[] = []
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string') {
      const allowed = field === 'notes' ? /\n/g : /(?!)/g
      if (/\p{Cc}/u.test(value.replace(allowed, ''))) problems.push(`${field}: a control character`)
      if (/\p{Cf}/u.test(value)) problems.push(`${field}: an invisible formatting character`)
      if (/<\s*[a-z!/?]/i.test(value)) problems.push(`${field}: markup`)
      if (value !== value.normalize('NFC')) problems.push(`${field}: not NFC`)
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${field}[${i}]`))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${field}.${k}`)
  }
  for (const [field, value] of Object.entries(doc)) visit(value, field)
  return problems
}

export async function hostile(name: Target['name'], dir: string) {
  const inbox = path.join(dir, `${name}-hostile.ndjson`)
  const target = await startTarget(name, inbox)
  try {
    const page = await target.send({ method: 'GET', path: SECTION_PATHS.schools })
    const select = /<select[^>]*id="f-topic"[^>]*>([\s\S]*?)<\/select>/.exec(page.text)?.[1] ?? ''
    const topics = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!)
    const workerIds = [...page.text.matchAll(/name="workers" value="([^"]+)"/g)].map((m) => m[1]!)
    const cases = hostileCases(topics, workerIds)
    console.log(`[${name}] 3. ${cases.length} hostile inputs`)
    check(cases.length >= 250, `at least 250 hostile inputs (${cases.length})`)

    const answers: Answer[] = []
    const accepted: { name: string; reference: string }[] = []
    let wrong = 0
    for (const c of cases) {
      const answer = await c.run(target)
      answers.push(answer)
      const reference = answer.status === 200 ? referenceOf(answer) : undefined
      let problem: string | undefined
      if (answer.error) problem = `no answer (${answer.error})`
      else if (answer.status >= 500) problem = `${answer.status}: ${answer.text.slice(0, 120)}`
      else if (answer.status >= 400 && answer.status < 500) {
        if (!chineseMessage(answer))
          problem = `${answer.status} without a Chinese message: ${answer.text.slice(0, 120)}`
      } else if (c.refuse) problem = `accepted (${answer.status}) what must be refused`
      else if (answer.status !== 200 || !reference) problem = `answered ${answer.status}: ${answer.text.slice(0, 120)}`
      if (reference) accepted.push({ name: c.name, reference })
      if (problem) {
        wrong++
        check(false, `${c.name} → ${problem}`)
      }
      if (target.server().child.exitCode !== null) {
        check(false, `${c.name}: the server exited`)
        break
      }
    }
    check(
      wrong === 0,
      `every hostile input refused with a Chinese message or accepted (${cases.length - wrong} of ${cases.length})`,
    )

    const { documents, skipped, byRef, duplicates } = await inboxState(inbox)
    const docs = new Map(documents.map((d) => [d.reference, d]))
    const dirty = accepted.flatMap((a) => {
      const doc = docs.get(a.reference)
      if (!doc) return [`${a.name}: reference ${a.reference} not stored`]
      return unsanitised(doc).map((p) => `${a.name}: ${p}`)
    })
    for (const d of dirty.slice(0, 20)) check(false, d)
    check(
      dirty.length === 0,
      `every accepted one is stored without control, invisible or markup characters (${dirty.length} problems)`,
    )
    check(
      skipped.length === 0 && duplicates === 0,
      `inbox: ${documents.length} requests, no torn line (${skipped.length}), none twice (${duplicates})`,
    )
    check(
      documents.length === new Set(accepted.map((a) => a.reference)).size &&
        [...byRef.keys()].every((r) => accepted.some((a) => a.reference === r)),
      'the inbox holds exactly the accepted ones (an injected line made no document of its own)',
    )

    // Repeated idempotency keys: the same key again, even with other content, is the first request.
    const replayKey = keyOf('replay', 1)
    const first = await submit(target, form(1, replayKey))
    const replays = await Promise.all([
      submit(target, form(1, replayKey)),
      submit(target, form(1, replayKey)),
      submit(target, form(2, replayKey, { school: '另一所学校' })),
      submit(target, form(3, replayKey, { notes: '改过的备注' })),
    ])
    const ref = referenceOf(first)
    check(
      !!ref && replays.every((r) => r.status === 200 && referenceOf(r) === ref),
      `a repeated idempotency key (5 posts, 3 with other content) → one reference (${[first, ...replays].map(referenceOf).join(', ')})`,
    )
    const after = await inboxState(inbox)
    check(
      after.documents.length === documents.length + 1,
      `…and one stored request (${after.documents.length - documents.length})`,
    )

    const alive = await submit(target, form(99, keyOf('alive', 99)))
    check(alive.status === 200 && !!referenceOf(alive), `server still answering: a valid request → ${alive.status}`)
    figure(
      target,
      `hostile: ${cases.length} inputs, ${statuses(answers)}; ${accepted.length} accepted and sanitised, ${wrong} wrong; 5xx ${answers.filter((a) => a.status >= 500).length}; ${latency(answers)}`,
    )
  } finally {
    await target.stop()
  }
}
