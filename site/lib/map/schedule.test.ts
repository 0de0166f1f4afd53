import { describe, expect, it } from 'vitest'
import { budgetedYield } from './schedule'

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
