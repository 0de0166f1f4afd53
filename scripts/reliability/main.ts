/**
 * Reliability of the booking endpoint against the production server (`npm run serve`, server/main.ts), each
 * run twice: straight to the server on 127.0.0.1, and through nginx with TLS as deployed (deploy/nginx/,
 * started by scripts/nginx/). Each run, with a temporary inbox:
 *   1. concurrent bookings (every fifth sent twice) from many client addresses → each stored exactly once;
 *   2. the server SIGKILLed mid-load and restarted → every acknowledged request in the inbox, no torn line,
 *      and the rest, resubmitted, stored once each;
 *   3. hostile input (≥ 250 cases: sizes, encodings, content types, origins, methods, injection strings,
 *      control and bidi characters, impossible dates, values not on the lists, repeated idempotency keys)
 *      → each refused with 4xx and a Chinese message, or accepted with the characters that have no place in
 *      a booking removed; never a 5xx, and the server still answers;
 *   4. slow clients (bodies and headers that never finish, bodies trickled in) → dropped within seconds,
 *      while other teachers' bookings go through at full speed.
 * It prints its figures: counts, latencies (p50/p95/max), stored and duplicate requests.
 *
 * Run after a build: `npm run test:reliability` (exit code 1 on any failure). Without nginx the proxied run
 * fails in CI (CI=true) and is skipped elsewhere. Sizes: RELIABILITY_REQUESTS (default 1000),
 * RELIABILITY_CONCURRENCY (default: all of them at once), RELIABILITY_TARGETS (default `direct,nginx`).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nginxMissing } from '../nginx/binary.ts'
import type { Target } from './targets.ts'
import { concurrent } from './concurrent.ts'
import { check, failures, figures } from './figures.ts'
import { hostile } from './hostile.ts'
import { killAndRestart } from './kill.ts'
import { TARGETS } from './settings.ts'
import { slowClients } from './slow-clients.ts'

const dir = await mkdtemp(path.join(tmpdir(), 'laomo-reliability-'))
const timings: string[] = []
try {
  for (const name of TARGETS as Target['name'][]) {
    if (name === 'nginx') {
      const missing = nginxMissing()
      if (missing && process.env.CI) {
        check(false, `through nginx: ${missing}`)
        continue
      }
      if (missing) {
        console.log(`\n(through nginx skipped: ${missing})`)
        continue
      }
    }
    console.log(`\n== ${name === 'direct' ? 'straight to the server' : 'through nginx (HTTPS)'} ==`)
    const started = performance.now()
    await concurrent(name, dir)
    await killAndRestart(name, dir)
    await hostile(name, dir)
    await slowClients(name, dir)
    timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
console.log(`\nfigures (${timings.join(', ')}):\n${figures.map((f) => `  ${f}`).join('\n')}`)
if (failures.length > 0) {
  console.error(`\n${failures.length} reliability check(s) failed`)
  process.exit(1)
}
console.log('\nall reliability checks passed')
