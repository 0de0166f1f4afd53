/**
 * The server SIGKILLed mid-load and restarted: every acknowledged request in the inbox, no torn line, and the
 * rest, resubmitted, stored once each.
 */
import { expect, it } from 'vitest'
import { statuses } from '../../scripts/reliability/figures.ts'
import { runKill } from '../../scripts/reliability/kill.ts'
import { CJK, TOTAL } from '../../scripts/reliability/settings.ts'
import { referenceOf } from '../../scripts/reliability/targets.ts'
import { forEachTarget } from './harness.ts'

forEachTarget('SIGKILL mid-load and restart', runKill, (name, run) => {
  it('kills the server while requests are still arriving', () => {
    const { killed, successes, answers } = run()
    expect(killed, `killed after ${successes.size} successes`).toBe(true)
    expect(answers.filter((a) => a.status !== 200).length, statuses(answers)).toBeGreaterThan(0)
  })

  it('never answers 500', () => {
    const { answers } = run()
    expect(answers.filter((a) => a.status === 500).length, statuses(answers)).toBe(0)
  })

  // Through nginx a request cut off by the kill is answered by nginx (502/503), in Chinese.
  it.runIf(name === 'nginx')("has nginx's answers while the server was down in Chinese", () => {
    const { answers } = run()
    const unchinese = answers.filter((a) => a.status >= 502 && !CJK.test(a.text))
    expect(unchinese.map((a) => `${a.status} ${a.text.slice(0, 80)}`)).toEqual([])
  })

  it('leaves no torn line and every acknowledged request in the inbox, once', () => {
    const { afterKill, successes } = run()
    expect(afterKill.skipped).toEqual([])
    expect([...successes.values()].filter((ref) => afterKill.byRef.get(ref) !== 1)).toEqual([])
  })

  it('after the restart accepts every submission again, acknowledged ones with their reference', () => {
    const { retried, successes } = run()
    expect(
      retried.every((a) => a.status === 200),
      statuses(retried),
    ).toBe(true)
    expect([...successes].filter(([i, ref]) => referenceOf(retried[i]!) !== ref)).toEqual([])
  })

  it(`then holds each of the ${TOTAL} requests once, with no torn line`, () => {
    const { afterRestart } = run()
    expect(afterRestart.documents.length).toBe(TOTAL)
    expect(afterRestart.duplicates).toBe(0)
    expect(afterRestart.skipped).toEqual([])
  })
})
