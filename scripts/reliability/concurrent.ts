/** 1. Concurrent bookings (every fifth sent twice) from many client addresses; what was answered and stored. */
import path from 'node:path'
import { form, inboxState, keyOf, pool } from './bookings.ts'
import { latency, statuses } from './figures.ts'
import { ADDRESSES, CONCURRENCY, TOTAL } from './settings.ts'
import { referenceOf, startTarget, submit, type Answer, type Target } from './targets.ts'

export interface ConcurrentRun {
  /** The TOTAL first submissions, then the repeats (of every fifth). */
  answers: Answer[]
  accepted: Answer[]
  firstRefs: (string | undefined)[]
  repeatRefs: (string | undefined)[]
  inbox: Awaited<ReturnType<typeof inboxState>>
  figure: string
}

export async function runConcurrent(name: Target['name'], dir: string): Promise<ConcurrentRun> {
  const inbox = path.join(dir, `${name}-concurrent.ndjson`)
  const target = await startTarget(name, inbox)
  console.log(
    `[${name}] 1. ${TOTAL} bookings (every fifth sent twice) from ${ADDRESSES.length} addresses, ${CONCURRENCY} in flight`,
  )
  try {
    const jobs = Array.from(
      { length: TOTAL },
      (_, i) => () => submit(target, form(i, keyOf('conc-key', i)), {}, ADDRESSES[i % ADDRESSES.length]),
    )
    const repeats = Array.from({ length: Math.floor(TOTAL / 5) }, (_, j) => jobs[j * 5]!)
    const started = performance.now()
    const answers = await pool([...jobs, ...repeats], CONCURRENCY)
    const seconds = (performance.now() - started) / 1000
    const state = await inboxState(inbox)
    return {
      answers,
      accepted: answers.filter((a) => a.status === 200 && referenceOf(a)),
      firstRefs: answers.slice(0, TOTAL).map(referenceOf),
      repeatRefs: answers.slice(TOTAL).map(referenceOf),
      inbox: state,
      figure: `concurrent: ${answers.length} posts in ${seconds.toFixed(1)} s (${(answers.length / seconds).toFixed(0)}/s), ${statuses(answers)}; ${latency(answers)}; stored ${state.documents.length}, duplicates ${state.duplicates}`,
    }
  } finally {
    await target.stop()
  }
}
