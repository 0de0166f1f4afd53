/**
 * 3. Hostile input: each case sent, its answer judged (refused with 4xx and a Chinese message, or accepted), what
 * was accepted checked in the inbox for characters that have no place in a booking; then a repeated idempotency
 * key, and a valid booking to show the server still answers.
 */
import path from 'node:path'
import { SECTION_PATHS } from '#domain/paths'
import { form, inboxState, keyOf, type Doc } from './bookings.ts'
import { latency, statuses } from './figures.ts'
import { hostileCases } from './hostile-cases.ts'
import { CJK } from './settings.ts'
import { referenceOf, startTarget, submit, type Answer, type Target } from './targets.ts'

/** A Chinese message in a refusal: JSON `message` or `errors`, or the HTML/text page. */
export function chineseMessage(answer: Answer): boolean {
  try {
    const json = JSON.parse(answer.text) as { message?: string; errors?: Record<string, string> }
    return CJK.test(json.message ?? '') || Object.values(json.errors ?? {}).some((m) => CJK.test(m))
  } catch {
    return CJK.test(answer.text)
  }
}

/** What is wrong with the answer to a hostile case, if anything. */
export function problemOf(answer: Answer, refuse: boolean | undefined): string | undefined {
  if (answer.error) return `no answer (${answer.error})`
  if (answer.status >= 500) return `${answer.status}: ${answer.text.slice(0, 120)}`
  if (answer.status >= 400) {
    return chineseMessage(answer)
      ? undefined
      : `${answer.status} without a Chinese message: ${answer.text.slice(0, 120)}`
  }
  if (refuse) return `accepted (${answer.status}) what must be refused`
  if (answer.status !== 200 || !referenceOf(answer)) return `answered ${answer.status}: ${answer.text.slice(0, 120)}`
  return undefined
}

/** What no stored booking may contain: control characters (but a note's line breaks), invisible ones, markup. */
export function unsanitised(doc: Doc): string[] {
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

export interface HostileRun {
  cases: number
  answers: Answer[]
  /** `<case> → <what is wrong>`, one per wrong answer (and the case after which the server exited). */
  problems: string[]
  accepted: { name: string; reference: string }[]
  /** After the hostile cases. */
  inbox: Awaited<ReturnType<typeof inboxState>>
  /** `<case>: <field>: <problem>` for each accepted case stored with what it should not hold, or not stored. */
  dirty: string[]
  /** The same idempotency key five times, three with other content: first, then the four repeats. */
  replays: Answer[]
  /** Requests stored by the replays. */
  storedByReplays: number
  /** A valid booking after everything else. */
  alive: Answer
  figure: string
}

export async function runHostile(name: Target['name'], dir: string): Promise<HostileRun> {
  const inbox = path.join(dir, `${name}-hostile.ndjson`)
  const target = await startTarget(name, inbox)
  try {
    const page = await target.send({ method: 'GET', path: SECTION_PATHS.schools })
    const select = /<select[^>]*id="f-topic"[^>]*>([\s\S]*?)<\/select>/.exec(page.text)?.[1] ?? ''
    const topics = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!)
    const workerIds = [...page.text.matchAll(/name="workers" value="([^"]+)"/g)].map((m) => m[1]!)
    const cases = hostileCases(topics, workerIds)
    console.log(`[${name}] 3. ${cases.length} hostile inputs`)

    const answers: Answer[] = []
    const accepted: HostileRun['accepted'] = []
    const problems: string[] = []
    for (const c of cases) {
      const answer = await c.run(target)
      answers.push(answer)
      const reference = answer.status === 200 ? referenceOf(answer) : undefined
      if (reference) accepted.push({ name: c.name, reference })
      const problem = problemOf(answer, c.refuse)
      if (problem) problems.push(`${c.name} → ${problem}`)
      if (target.server().child.exitCode !== null) {
        problems.push(`${c.name}: the server exited`)
        break
      }
    }

    const state = await inboxState(inbox)
    const docs = new Map(state.documents.map((d) => [d.reference, d]))
    const dirty = accepted.flatMap((a) => {
      const doc = docs.get(a.reference)
      if (!doc) return [`${a.name}: reference ${a.reference} not stored`]
      return unsanitised(doc).map((p) => `${a.name}: ${p}`)
    })

    // Repeated idempotency keys: the same key again, even with other content, is the first request.
    const replayKey = keyOf('replay', 1)
    const first = await submit(target, form(1, replayKey))
    const replays = await Promise.all([
      submit(target, form(1, replayKey)),
      submit(target, form(1, replayKey)),
      submit(target, form(2, replayKey, { school: '另一所学校' })),
      submit(target, form(3, replayKey, { notes: '改过的备注' })),
    ])
    const storedByReplays = (await inboxState(inbox)).documents.length - state.documents.length

    const alive = await submit(target, form(99, keyOf('alive', 99)))
    const wrong = answers.filter((a, i) => problemOf(a, cases[i]!.refuse)).length
    return {
      cases: cases.length,
      answers,
      problems,
      accepted,
      inbox: state,
      dirty,
      replays: [first, ...replays],
      storedByReplays,
      alive,
      figure: `hostile: ${cases.length} inputs, ${statuses(answers)}; ${accepted.length} accepted and sanitised, ${wrong} wrong; 5xx ${answers.filter((a) => a.status >= 500).length}; ${latency(answers)}`,
    }
  } finally {
    await target.stop()
  }
}
