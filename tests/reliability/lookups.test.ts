/**
 * The status lookup ("where is my request?") as the booking endpoint is tested: under load from many addresses
 * every answer is the right one (the request for the right phone ending, one 404 for a wrong one), and a
 * SIGKILL loses no request and gives no wrong answer.
 */
import { expect, it } from 'vitest'
import { statuses } from '../../scripts/reliability/figures.ts'
import { lookupProblem, runLookups } from '../../scripts/reliability/lookups.ts'
import { forEachTarget } from './harness.ts'

forEachTarget('status lookups', runLookups, (_, run) => {
  it('answers every lookup at once rightly: 200 with the request, or the one 404 for a wrong phone', () => {
    const { booked, lookups, answers } = run()
    expect(booked).toBe(50)
    expect(answers.filter((a) => a.error)).toEqual([])
    expect(lookups.flatMap((l, i) => lookupProblem(l, answers[i]!) ?? [])).toEqual([])
  })

  it('gives no wrong answer while the server is killed and restarted, and finds every request after', () => {
    const { killed, lookups, duringKill, afterRestart, booked } = run()
    expect(killed).toBe(true)
    const right = lookups.filter((l) => l.right)
    // While the server is down: a refused connection, or nginx's 502/504. Any other answer is the right one.
    const down = (a: (typeof duringKill)[number]) => Boolean(a.error) || a.status === 502 || a.status === 504
    expect(right.flatMap((l, i) => (down(duringKill[i]!) ? [] : (lookupProblem(l, duringKill[i]!) ?? [])))).toEqual([])
    expect(duringKill.some(down), statuses(duringKill)).toBe(true)
    expect(afterRestart).toHaveLength(booked)
    expect(
      afterRestart.every((a) => a.status === 200),
      statuses(afterRestart),
    ).toBe(true)
  })
})
