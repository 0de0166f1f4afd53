import { describe, expect, it } from 'vitest'
import { budgetedYield, forEachInSlices, nextBatchSize } from './schedule'

describe('forEachInSlices', () => {
  it('calls every index once, in order, pausing only when a slice ran over its budget', async () => {
    let clock = 0
    const calls: number[] = []
    const pauses: number[] = []
    // Each call takes 0.1 ms: 64 calls make 6.4 ms, under an 8 ms budget; 128 calls make 12.8 ms.
    await forEachInSlices(
      300,
      (i) => {
        calls.push(i)
        clock += 0.1
      },
      budgetedYield(
        8,
        () => clock,
        async () => {
          pauses.push(calls.length)
        },
      ),
    )
    expect(calls).toEqual([...Array(300).keys()])
    expect(pauses).toEqual([128, 256])
  })

  it('never pauses for work under its budget, and does nothing for no items', async () => {
    let paused = 0
    const pause = async () => void paused++
    await forEachInSlices(
      1_000,
      () => undefined,
      budgetedYield(8, () => 0, pause),
    )
    await forEachInSlices(
      0,
      () => expect.unreachable(),
      budgetedYield(8, () => 0, pause),
    )
    expect(paused).toBe(0)
  })
})

describe('nextBatchSize', () => {
  it('aims at the time budget from the last batch’s pace', () => {
    expect(nextBatchSize(100, 4, 8)).toBe(200)
    expect(nextBatchSize(100, 16, 8)).toBe(50)
    expect(nextBatchSize(100, 8, 8)).toBe(100)
  })

  it('grows or shrinks at most fourfold, and never below 10 items', () => {
    expect(nextBatchSize(100, 0.1, 8)).toBe(400)
    expect(nextBatchSize(100, 0, 8)).toBe(400)
    expect(nextBatchSize(100, 1000, 8)).toBe(25)
    expect(nextBatchSize(12, 1000, 8)).toBe(10)
  })
})

describe('budgetedYield', () => {
  it('yields only once the work since the last yield has used the budget', async () => {
    let clock = 0
    let pauses = 0
    const breathe = budgetedYield(
      8,
      () => clock,
      async () => void pauses++,
    )
    clock = 5
    await breathe()
    expect(pauses).toBe(0)
    clock = 9
    await breathe()
    expect(pauses).toBe(1)
    // The budget starts again after a yield.
    clock = 12
    await breathe()
    expect(pauses).toBe(1)
    clock = 17
    await breathe()
    expect(pauses).toBe(2)
  })
})
