/**
 * Slow clients (bodies and headers that never finish, bodies trickled in): dropped within seconds, while other
 * teachers' bookings go through at full speed.
 */
import { expect, it } from 'vitest'
import { latency, percentile, statuses } from '../../scripts/reliability/figures.ts'
import { runSlowClients, SLOW } from '../../scripts/reliability/slow-clients.ts'
import { forEachTarget } from './harness.ts'

const LIMIT_MS = 13_000
const closedInTime = (c: { closed: number; max: number }) =>
  `${c.closed} of ${SLOW} closed, last after ${(c.max / 1000).toFixed(1)} s`

forEachTarget('slow clients', runSlowClients, (name, run) => {
  it('accepts the bookings alongside, without them waiting on the slow clients', () => {
    const { bookings } = run()
    expect(
      bookings.every((b) => b.status === 200),
      statuses(bookings),
    ).toBe(true)
    expect(
      percentile(
        bookings.map((b) => b.ms),
        95,
      ),
      latency(bookings),
    ).toBeLessThan(1000)
  })

  it('drops stalled bodies within 13 s', () => {
    const { stalledBodies } = run()
    expect(stalledBodies.closed, closedInTime(stalledBodies)).toBe(SLOW)
    expect(stalledBodies.max, closedInTime(stalledBodies)).toBeLessThan(LIMIT_MS)
  })

  it('drops stalled headers within 13 s', () => {
    const { stalledHeaders } = run()
    expect(stalledHeaders.closed, closedInTime(stalledHeaders)).toBe(SLOW)
    expect(stalledHeaders.max, closedInTime(stalledHeaders)).toBeLessThan(LIMIT_MS)
  })

  it.runIf(name === 'direct')('drops trickled bodies within 13 s', () => {
    const { trickled } = run()
    expect(trickled.closed, closedInTime(trickled)).toBe(SLOW)
    expect(trickled.max, closedInTime(trickled)).toBeLessThan(LIMIT_MS)
  })

  // nginx times out a body between two reads only, so a trickle keeps its connection; it never reaches the
  // server (the body is buffered first), and limit_conn caps how many one address holds.
  it.runIf(name === 'nginx')('never lets a trickled body reach the server', () => {
    const { inbox, bookings } = run()
    expect(inbox.documents.length).toBe(bookings.length)
  })

  it('leaves no torn line', () => {
    expect(run().inbox.skipped).toEqual([])
  })
})
