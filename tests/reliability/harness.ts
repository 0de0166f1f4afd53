/**
 * What the reliability suites share: each concern runs against every target of RELIABILITY_TARGETS (default
 * `direct,nginx`: straight to the production server, and through nginx with TLS as deployed), each run with
 * its own server and a temporary inbox. Without nginx the proxied runs fail in CI and are skipped elsewhere.
 * Each run prints its figures (counts, latencies, what was stored).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { nginxMissing } from '../../scripts/nginx/binary.ts'
import { TARGETS } from '../../scripts/reliability/settings.ts'
import type { Target } from '../../scripts/reliability/targets.ts'

const LABELS: Record<Target['name'], string> = {
  direct: 'straight to the server',
  nginx: 'through nginx (HTTPS)',
}

/**
 * One `describe` per target for a concern. `run` measures (starting and stopping its own target) in a
 * `beforeAll`; `checks` declares the tests on what it returned.
 */
export function forEachTarget<Run extends { figure: string }>(
  concern: string,
  run: (name: Target['name'], dir: string) => Promise<Run>,
  checks: (name: Target['name'], result: () => Run) => void,
): void {
  for (const name of TARGETS as Target['name'][]) {
    const missing = name === 'nginx' ? nginxMissing() : undefined
    if (missing && !process.env.CI) console.log(`(${concern} through nginx skipped: ${missing})`)
    describe.skipIf(missing && !process.env.CI)(`${concern}, ${LABELS[name] ?? name}`, () => {
      if (missing) {
        it('has nginx to run through', () => {
          throw new Error(`through nginx: ${missing}`)
        })
        return
      }
      let dir = ''
      let result: Run | undefined
      beforeAll(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'laomo-reliability-'))
        result = await run(name, dir)
        console.log(`${name.padEnd(6)} ${result.figure}`)
      })
      afterAll(() => dir && rm(dir, { recursive: true, force: true }))
      checks(name, () => result!)
    })
  }
}
