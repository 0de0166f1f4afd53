/**
 * 2. The server SIGKILLed mid-load and restarted: every acknowledged request in the inbox, no torn line, and
 * the rest, resubmitted, stored once each.
 */
import path from 'node:path'
import { form, inboxState, keyOf, pool } from './bookings.ts'
import { check, figure, statuses } from './figures.ts'
import { ADDRESSES, CJK, CONCURRENCY, TOTAL } from './settings.ts'
import { referenceOf, startTarget, submit, type Target } from './targets.ts'

export async function killAndRestart(name: Target['name'], dir: string) {
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
    const failed = answers.filter((a) => a.status !== 200).length
    // Through nginx a request cut off by the kill is answered by nginx (502/503, in Chinese); never a 500.
    const fiveHundreds = answers.filter((a) => a.status === 500).length
    check(
      killed && failed > 0,
      `server killed after ${successes.size} successes; ${failed} requests got no success (${statuses(answers)})`,
    )
    check(fiveHundreds === 0, `no 500 from the server (${fiveHundreds})`)
    if (name === 'nginx') {
      const unchinese = answers.filter((a) => a.status >= 502 && !CJK.test(a.text)).length
      check(unchinese === 0, `nginx's answers while the server was down are in Chinese (${unchinese} not)`)
    }

    let state = await inboxState(inbox)
    check(state.skipped.length === 0, `no torn line after the kill (${state.skipped.length})`)
    check(
      [...successes.values()].every((ref) => state.byRef.get(ref) === 1),
      `all ${successes.size} acknowledged requests are in the inbox, once`,
    )
    const afterKill = state.documents.length

    await target.restart()
    // A teacher whose submit failed tries again with the same form: stored once, never twice.
    const retried = await pool(
      keys.map((key, i) => () => submit(target, form(i, key), {}, ADDRESSES[i % ADDRESSES.length])),
      Math.min(CONCURRENCY, 32),
    )
    check(
      retried.every((a) => a.status === 200),
      `after the restart every submission (retried) is accepted (${statuses(retried)})`,
    )
    check(
      [...successes].every(([i, ref]) => referenceOf(retried[i]!) === ref),
      'acknowledged requests keep their reference after the restart',
    )
    state = await inboxState(inbox)
    check(
      state.documents.length === TOTAL,
      `inbox holds each of the ${TOTAL} requests once (${state.documents.length})`,
    )
    check(state.duplicates === 0, `no request stored twice (${state.duplicates})`)
    check(state.skipped.length === 0, 'no torn line after the restart')
    figure(
      target,
      `SIGKILL: killed after ${successes.size} acknowledged (inbox then ${afterKill}, ${state.skipped.length} torn); ${failed} cut off (${statuses(answers.filter((a) => a.status !== 200))}); after restart + retry: stored ${state.documents.length}, duplicates ${state.duplicates}`,
    )
  } finally {
    await target.stop()
  }
}
