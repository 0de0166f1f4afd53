import { describe, expect, it } from 'vitest'
import { createBuildQueue } from './queue'

/** A build that finishes when the test says so. */
function controlledBuilds() {
  const batches: number[][] = []
  const finish: (() => void)[] = []
  const run = (batch: number[]) =>
    new Promise<void>((resolve) => {
      batches.push(batch)
      finish.push(resolve)
    })
  return { batches, finish, run }
}

describe('build queue', () => {
  it('runs one build at a time and folds a burst into one waiting build', async () => {
    const { batches, finish, run } = controlledBuilds()
    const queue = createBuildQueue(run)
    queue.add(1)
    for (let i = 2; i <= 10; i++) queue.add(i)
    expect(batches).toEqual([[1]])
    expect(queue.snapshot()).toEqual({ running: [1], waiting: [2, 3, 4, 5, 6, 7, 8, 9, 10] })
    finish[0]!()
    await Promise.resolve()
    await Promise.resolve()
    expect(batches).toEqual([[1], [2, 3, 4, 5, 6, 7, 8, 9, 10]])
    finish[1]!()
    await queue.idle()
    expect(batches).toHaveLength(2)
    expect(queue.snapshot()).toEqual({ running: null, waiting: [] })
  })

  it('goes on with the next batch after a build that failed', async () => {
    const seen: number[][] = []
    const queue = createBuildQueue(async (batch: number[]) => {
      seen.push(batch)
      if (batch.includes(1)) throw new Error('broken content')
    })
    queue.add(1)
    queue.add(2)
    await queue.idle()
    expect(seen).toEqual([[1], [2]])
  })
})
