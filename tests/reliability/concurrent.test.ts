/** Concurrent bookings (every fifth sent twice) from many client addresses: each stored exactly once. */
import { expect, it } from 'vitest'
import { runConcurrent } from '../../scripts/reliability/concurrent.ts'
import { statuses } from '../../scripts/reliability/figures.ts'
import { TOTAL } from '../../scripts/reliability/settings.ts'
import { referenceOf } from '../../scripts/reliability/targets.ts'
import { forEachTarget } from './harness.ts'

forEachTarget('concurrent bookings', runConcurrent, (_, run) => {
  it('accepts every submission', () => {
    const { answers, accepted } = run()
    expect(accepted.length, statuses(answers)).toBe(answers.length)
  })

  it('answers each repeated submission with the first reference', () => {
    const { firstRefs, repeatRefs } = run()
    expect(repeatRefs).toEqual(repeatRefs.map((_, j) => firstRefs[j * 5]))
  })

  it(`stores ${TOTAL} requests, every accepted reference exactly once`, () => {
    const { accepted, inbox } = run()
    expect(inbox.documents.length).toBe(TOTAL)
    expect(accepted.filter((a) => inbox.byRef.get(referenceOf(a)!) !== 1).map(referenceOf)).toEqual([])
  })

  it('stores no request twice and leaves no unreadable line', () => {
    const { inbox } = run()
    expect(inbox.duplicates).toBe(0)
    expect(inbox.skipped).toEqual([])
  })
})
