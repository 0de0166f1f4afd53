/** 1. Concurrent bookings (every fifth sent twice) from many client addresses: each stored exactly once. */
import path from 'node:path'
import { form, inboxState, keyOf, pool } from './bookings.ts'
import { check, figure, latency, statuses } from './figures.ts'
import { ADDRESSES, CONCURRENCY, TOTAL } from './settings.ts'
import { referenceOf, startTarget, submit, type Target } from './targets.ts'

export async function concurrent(name: Target['name'], dir: string) {
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
    const accepted = answers.filter((a) => a.status === 200 && referenceOf(a))
    check(
      accepted.length === answers.length,
      `all ${answers.length} submissions accepted (${accepted.length}; ${statuses(answers)})`,
    )
    const firstRefs = answers.slice(0, TOTAL).map(referenceOf)
    const repeatRefs = answers.slice(TOTAL).map(referenceOf)
    check(
      repeatRefs.every((ref, j) => ref === firstRefs[j * 5]),
      'each repeated submission answered with the first reference',
    )
    const { documents, skipped, byRef, duplicates } = await inboxState(inbox)
    check(documents.length === TOTAL, `inbox holds ${TOTAL} requests (${documents.length})`)
    check(
      accepted.every((a) => byRef.get(referenceOf(a)!) === 1),
      'every accepted reference is stored exactly once',
    )
    check(duplicates === 0, `no request stored twice (${duplicates})`)
    check(skipped.length === 0, `no unreadable line (${skipped.length})`)
    figure(
      target,
      `concurrent: ${answers.length} posts in ${seconds.toFixed(1)} s (${(answers.length / seconds).toFixed(0)}/s), ${statuses(answers)}; ${latency(answers)}; stored ${documents.length}, duplicates ${duplicates}`,
    )
  } finally {
    await target.stop()
  }
}
