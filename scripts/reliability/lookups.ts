/**
 * 6. "Where is my request?" under load and through a SIGKILL: schools book, then look their requests up all at
 * once from many addresses, half with the right phone ending and half with a wrong one; then the server is
 * killed mid-lookups and restarted, and every request is looked up again. A right lookup is answered 200 with
 * the reference and 已收到, a wrong one 404 with the one message a wrong reference gets too; nothing else.
 */
import path from 'node:path'
import { REQUEST_STATUS_PATH } from '#domain/paths'
import { NOT_FOUND_MESSAGE, STATUS_TITLES } from '../../site/lib/booking/status.ts'
import { form, keyOf, pool } from './bookings.ts'
import { latency, statuses } from './figures.ts'
import { ADDRESSES } from './settings.ts'
import { referenceOf, startTarget, submit, type Answer, type Target } from './targets.ts'

const REQUESTS = 50
/** Lookups per request in the load phase: half right, half with a wrong phone ending. */
const EACH = 8

export interface Lookup {
  reference: string
  phoneLast4: string
  right: boolean
}

export interface LookupRun {
  booked: number
  lookups: Lookup[]
  answers: Answer[]
  killed: boolean
  /** Answers while the server was killed and restarted: any, as long as no wrong answer is given. */
  duringKill: Answer[]
  afterRestart: Answer[]
  figure: string
}

const ask = (target: Target, l: Lookup, i: number) =>
  target.send({
    path: REQUEST_STATUS_PATH,
    body: new URLSearchParams({ reference: l.reference, phoneLast4: l.phoneLast4 }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    localAddress: ADDRESSES[i % ADDRESSES.length],
  })

/** What is wrong with an answer to `lookup` (undefined: right; no answer at all is not judged here). */
export function lookupProblem(l: Lookup, a: Answer): string | undefined {
  if (a.error) return undefined
  if (l.right) {
    if (a.status !== 200 || !a.text.includes(l.reference) || !a.text.includes(STATUS_TITLES.new))
      return `${l.reference} (right phone) → ${a.status}`
  } else if (a.status !== 404 || !a.text.includes(NOT_FOUND_MESSAGE))
    return `${l.reference} (wrong phone) → ${a.status}`
  return undefined
}

export async function runLookups(name: Target['name'], dir: string): Promise<LookupRun> {
  const target = await startTarget(name, path.join(dir, `${name}-lookups.ndjson`))
  console.log(`[${name}] 6. status lookups: ${REQUESTS} requests, ${REQUESTS * EACH} lookups at once, then a SIGKILL`)
  try {
    const bookings = Array.from({ length: REQUESTS }, (_, i) => form(i, keyOf('lookup-key', i)))
    const booked = await pool(
      bookings.map((body, i) => () => submit(target, body, {}, ADDRESSES[i % ADDRESSES.length])),
      REQUESTS,
    )
    const requests = booked.flatMap((a, i) => {
      const reference = referenceOf(a)
      const phone = bookings[i]!.get('phone')!
      return reference ? [{ reference, phone }] : []
    })
    const wrong = (phone: string) => String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0')
    const lookups: Lookup[] = requests.flatMap(({ reference, phone }) =>
      Array.from({ length: EACH }, (_, k) => ({
        reference,
        phoneLast4: k % 2 ? wrong(phone) : phone.slice(-4),
        right: k % 2 === 0,
      })),
    )
    const answers = await pool(
      lookups.map((l, i) => () => ask(target, l, i)),
      lookups.length,
    )

    // Killed when a third of the next round is answered; the rest meet a dead server, then a restarted one.
    const right = lookups.filter((l) => l.right)
    let killed = false
    let answered = 0
    const duringKill = await pool(
      right.map((l, i) => async () => {
        const answer = await ask(target, l, i)
        if (++answered >= right.length / 3 && !killed) {
          killed = true
          target.kill()
        }
        return answer
      }),
      16,
    )
    await target.restart()
    const mine = requests.map(({ reference, phone }) => ({ reference, phoneLast4: phone.slice(-4), right: true }))
    const afterRestart = await pool(
      mine.map((l, i) => () => ask(target, l, i)),
      mine.length,
    )
    return {
      booked: requests.length,
      lookups,
      answers,
      killed,
      duringKill,
      afterRestart,
      figure: `lookups: ${requests.length} booked; ${answers.length} lookups at once → ${statuses(answers)}, ${latency(answers)}; SIGKILL mid-lookups → ${statuses(duringKill)}; after the restart ${statuses(afterRestart)}`,
    }
  } finally {
    await target.stop()
  }
}
