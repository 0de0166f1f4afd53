/**
 * Hostile input (≥ 250 cases: sizes, encodings, content types, origins, methods, injection strings, control and
 * bidi characters, impossible dates, values not on the lists, repeated idempotency keys): each refused with 4xx
 * and a Chinese message, or accepted with the characters that have no place in a booking removed; never a 5xx,
 * and the server still answers.
 */
import { expect, it } from 'vitest'
import { runHostile } from '../../scripts/reliability/hostile.ts'
import { referenceOf } from '../../scripts/reliability/targets.ts'
import { forEachTarget } from './harness.ts'

forEachTarget('hostile input', runHostile, (_, run) => {
  it('sends at least 250 hostile inputs', () => {
    expect(run().cases).toBeGreaterThanOrEqual(250)
  })

  it('refuses each with a Chinese message or accepts it; never a 5xx, never no answer', () => {
    expect(run().problems).toEqual([])
  })

  it('stores every accepted one without control, invisible or markup characters', () => {
    expect(run().dirty).toEqual([])
  })

  it('stores exactly the accepted ones: no torn line, none twice, no document from an injected line', () => {
    const { inbox, accepted } = run()
    expect(inbox.skipped).toEqual([])
    expect(inbox.duplicates).toBe(0)
    expect(new Set(inbox.byRef.keys())).toEqual(new Set(accepted.map((a) => a.reference)))
    expect(inbox.documents.length).toBe(new Set(accepted.map((a) => a.reference)).size)
  })

  it('answers a repeated idempotency key (5 posts, 3 with other content) with one reference, stored once', () => {
    const { replays, storedByReplays } = run()
    const first = referenceOf(replays[0]!)
    expect(first).toBeTruthy()
    expect(replays.map((r) => [r.status, referenceOf(r)])).toEqual(replays.map(() => [200, first]))
    expect(storedByReplays).toBe(1)
  })

  it('still answers a valid request afterwards', () => {
    const { alive } = run()
    expect(alive.status, alive.text.slice(0, 120)).toBe(200)
    expect(referenceOf(alive)).toBeTruthy()
  })
})
