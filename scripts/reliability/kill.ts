/**
 * 2. The server SIGKILLed mid-load and restarted, then every booking submitted again as a teacher whose submit
 * failed would: what was acknowledged, answered and stored before and after.
 */
import path from 'node:path'
import { form, inboxState, keyOf, pool } from './bookings.ts'
import { statuses } from './figures.ts'
import { ADDRESSES, CONCURRENCY, TOTAL } from './settings.ts'
import { referenceOf, startTarget, submit, type Answer, type Target } from './targets.ts'

export interface KillRun {
  killed: boolean
  /** Acknowledged before the kill: booking index → reference. */
  successes: Map<number, string>
  /** The answers of the load the kill cut through. */
  answers: Answer[]
  afterKill: Awaited<ReturnType<typeof inboxState>>
  /** Every booking again after the restart, by index. */
  retried: Answer[]
  afterRestart: Awaited<ReturnType<typeof inboxState>>
  figure: string
}

export async function runKill(name: Target['name'], dir: string): Promise<KillRun> {
  const inbox = path.join(dir, `${name}-kill.ndjson`)
  const target = await startTarget(name, inbox)
  console.log(`[${name}] 2. SIGKILL mid-load (${TOTAL} bookings) and restart`)
  try {
    const keys = Array.from({ length: TOTAL }, (_, i) => keyOf('kill-key', i))
    const successes = new Map<number, string>()
    let killed = false
    // Fewer in flight than in 1: the kill must land while requests are still arriving.
    const answers = await pool(
      keys.map((key, i) => async () => {
        const answer = await submit(target, form(i, key), {}, ADDRESSES[i % ADDRESSES.length])
        const reference = referenceOf(answer)
        if (answer.status === 200 && reference) successes.set(i, reference)
        if (!killed && successes.size >= TOTAL / 3) {
          killed = true
          target.kill()
        }
        return answer
      }),
      Math.min(CONCURRENCY, 32),
    )
    const afterKill = await inboxState(inbox)

    await target.restart()
    const retried = await pool(
      keys.map((key, i) => () => submit(target, form(i, key), {}, ADDRESSES[i % ADDRESSES.length])),
      Math.min(CONCURRENCY, 32),
    )
    const afterRestart = await inboxState(inbox)
    const failed = answers.filter((a) => a.status !== 200)
    return {
      killed,
      successes,
      answers,
      afterKill,
      retried,
      afterRestart,
      figure: `SIGKILL: killed after ${successes.size} acknowledged (inbox then ${afterKill.documents.length}, ${afterRestart.skipped.length} torn); ${failed.length} cut off (${statuses(failed)}); after restart + retry: stored ${afterRestart.documents.length}, duplicates ${afterRestart.duplicates}`,
    }
  } finally {
    await target.stop()
  }
}
