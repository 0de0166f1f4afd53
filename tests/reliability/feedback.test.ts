/**
 * The feedback form (and the status lookup) as the booking endpoint is tested: hostile input refused with a
 * Chinese 4xx and nothing stored, 200 simultaneous submissions of one link storing one feedback, and a SIGKILL
 * while feedback arrives losing none that was acknowledged.
 */
import { expect, it } from 'vitest'
import { statuses } from '../../scripts/reliability/figures.ts'
import { runFeedback } from '../../scripts/reliability/feedback.ts'
import { feedbackDocumentId } from '../../site/lib/feedback/token.ts'
import { forEachTarget } from './harness.ts'

forEachTarget('feedback links', runFeedback, (_, run) => {
  it('refuses every hostile feedback and lookup request with a Chinese 4xx, storing nothing', () => {
    expect(run().cases).toBeGreaterThanOrEqual(40)
    expect(run().problems).toEqual([])
    expect(run().storedByHostile).toBe(0)
  })

  it('stores one feedback for 200 simultaneous submissions of one link, the others told 409', () => {
    const { replays, storedByReplays } = run()
    expect(storedByReplays).toBe(1)
    expect(replays.filter((a) => a.status === 200).length, statuses(replays)).toBe(1)
    expect(replays.filter((a) => a.status === 409).length, statuses(replays)).toBe(199)
  })

  it('keeps every acknowledged feedback through a SIGKILL, once, with no torn line', () => {
    const { killed, acknowledged, afterKill } = run()
    expect(killed).toBe(true)
    expect(afterKill.skipped).toBe(0)
    expect([...acknowledged].filter((id) => afterKill.ids.get(id) !== 1)).toEqual([])
  })

  it('after the restart holds each link’s feedback exactly once; acknowledged links are told 409', () => {
    const { afterRestart, tokens, retried, acknowledged } = run()
    expect(tokens.filter((t) => afterRestart.ids.get(feedbackDocumentId(t)) !== 1)).toEqual([])
    expect(
      retried.every((a) => a.status === 200 || a.status === 409),
      statuses(retried),
    ).toBe(true)
    expect(tokens.filter((t, i) => acknowledged.has(feedbackDocumentId(t)) && retried[i]!.status !== 409)).toEqual([])
  })
})
