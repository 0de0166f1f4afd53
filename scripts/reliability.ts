/**
 * Reliability of the booking endpoint against the production server (`npm run serve`), on
 * 127.0.0.1 with a temporary inbox and modest, bounded numbers:
 *   1. concurrent submissions (with repeats) → every accepted request stored exactly once;
 *   2. the server SIGKILLed mid-load and restarted → every request that got a success answer
 *      is in the inbox, no torn line, and resubmitting the rest stores each once;
 *   3. malformed requests → all 4xx, none stored, the server still answering.
 * Run after a build: `npm run test:reliability` (exit code 1 on any failure).
 * Sizes: RELIABILITY_REQUESTS (default 150), RELIABILITY_CONCURRENCY (default 16).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readInbox } from '../site/lib/booking/inbox.ts'
import { freePort, startServer, type ServeProcess } from './serve-process.ts'

const TOTAL = Number(process.env.RELIABILITY_REQUESTS || 150)
const CONCURRENCY = Number(process.env.RELIABILITY_CONCURRENCY || 16)
const ENV = { LAOMO_RATE_LIMIT: '100000/60' }

interface Doc {
  _id: string
  _type: string
  reference: string
  school: string
}

const failures: string[] = []
function check(ok: boolean, message: string) {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${message}`)
  if (!ok) failures.push(message)
}

const china = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

function form(i: number, key: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    idempotencyKey: key,
    school: `可靠性测试学校 ${i}`,
    contactName: '测试老师',
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    date1Start: china(10),
    date1End: china(20),
    gradeBand: 'senior',
    audienceSize: '200',
    prefecture: '兰州市',
    address: `测试路 ${i} 号`,
    consent: 'yes',
    ...extra,
  })
}

async function submit(
  server: { origin: string },
  body: URLSearchParams | string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.origin}/api/talk-requests`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: server.origin,
      ...headers,
    },
    body: String(body),
  })
  const json = (await response.json().catch(() => ({}))) as { reference?: string }
  return { status: response.status, reference: json.reference }
}

/** Runs `jobs` with at most `limit` in flight. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      try {
        results[i] = { status: 'fulfilled', value: await jobs[i]!() }
      } catch (reason) {
        results[i] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker))
  return results
}

async function inboxState(file: string) {
  const { documents, skipped } = await readInbox<Doc>(file)
  const byRef = new Map<string, number>()
  for (const d of documents) byRef.set(d.reference, (byRef.get(d.reference) ?? 0) + 1)
  return { documents, skipped, byRef }
}

async function concurrent(dir: string) {
  console.log(`1. ${TOTAL} concurrent submissions (every fifth sent twice), ${CONCURRENCY} at a time`)
  const inbox = path.join(dir, 'concurrent.ndjson')
  const server = await startServer({ inbox, env: ENV })
  try {
    const jobs = Array.from(
      { length: TOTAL },
      (_, i) => () => submit(server, form(i, `conc-key-${String(i).padStart(12, '0')}`)),
    )
    const repeats = Array.from({ length: Math.floor(TOTAL / 5) }, (_, j) => jobs[j * 5]!)
    const results = await pool([...jobs, ...repeats], CONCURRENCY)
    const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : { status: 0, reference: undefined }))
    const accepted = answers.filter((a) => a.status === 200 && a.reference)
    check(accepted.length === answers.length, `all ${answers.length} submissions accepted (${accepted.length})`)
    const firstRefs = answers.slice(0, TOTAL).map((a) => a.reference)
    const repeatRefs = answers.slice(TOTAL).map((a) => a.reference)
    check(
      repeatRefs.every((ref, j) => ref === firstRefs[j * 5]),
      'each repeated submission answered with the first reference',
    )
    const { documents, skipped, byRef } = await inboxState(inbox)
    check(documents.length === TOTAL, `inbox holds ${TOTAL} requests (${documents.length})`)
    check(
      accepted.every((a) => byRef.get(a.reference!) === 1),
      'every accepted reference is stored exactly once',
    )
    check(new Set(documents.map((d) => d._id)).size === documents.length, 'no document id twice')
    check(skipped.length === 0, `no unreadable line (${skipped.length})`)
  } finally {
    await server.stop()
  }
}

async function killAndRestart(dir: string) {
  console.log(`2. SIGKILL mid-load (${TOTAL} submissions) and restart`)
  const inbox = path.join(dir, 'kill.ndjson')
  const port = await freePort()
  let server: ServeProcess = await startServer({ inbox, port, env: ENV })
  const keys = Array.from({ length: TOTAL }, (_, i) => `kill-key-${String(i).padStart(12, '0')}`)
  const successes = new Map<number, string>()
  let killed = false
  const jobs = keys.map((key, i) => async () => {
    const answer = await submit(server, form(i, key))
    if (answer.status === 200 && answer.reference) successes.set(i, answer.reference)
    if (!killed && successes.size >= TOTAL / 3) {
      killed = true
      server.child.kill('SIGKILL')
    }
    return answer
  })
  const results = await pool(jobs, CONCURRENCY)
  const failed = results.filter((r) => r.status === 'rejected' || r.value.status !== 200).length
  check(killed && failed > 0, `server killed after ${successes.size} successes; ${failed} requests got no success`)
  await server.stop()

  let state = await inboxState(inbox)
  check(state.skipped.length === 0, `no torn line after the kill (${state.skipped.length})`)
  check(
    [...successes.values()].every((ref) => state.byRef.get(ref) === 1),
    `all ${successes.size} acknowledged requests are in the inbox, once`,
  )

  server = await startServer({ inbox, port, env: ENV })
  try {
    // A teacher whose submit failed tries again with the same form: stored once, never twice.
    const retry = await pool(
      keys.map((key, i) => () => submit(server, form(i, key))),
      CONCURRENCY,
    )
    const retried = retry.map((r) => (r.status === 'fulfilled' ? r.value : { status: 0, reference: undefined }))
    check(
      retried.every((a) => a.status === 200),
      'after the restart every submission (retried) is accepted',
    )
    check(
      [...successes].every(([i, ref]) => retried[i]!.reference === ref),
      'acknowledged requests keep their reference after the restart',
    )
    state = await inboxState(inbox)
    check(
      state.documents.length === TOTAL,
      `inbox holds each of the ${TOTAL} requests once (${state.documents.length})`,
    )
    check(state.skipped.length === 0, 'no torn line after the restart')
  } finally {
    await server.stop()
  }
}

async function malformed(dir: string) {
  console.log('3. malformed requests')
  const inbox = path.join(dir, 'malformed.ndjson')
  const server = await startServer({ inbox, env: ENV })
  const big = 'x'.repeat(2 * 1024 * 1024)
  const cases: [string, () => Promise<number>][] = [
    [
      'JSON body',
      () =>
        submit(server, JSON.stringify(Object.fromEntries(form(1, 'bad-key-000000000001'))), {
          'Content-Type': 'application/json',
        }).then((r) => r.status),
    ],
    [
      'text/plain',
      () => submit(server, form(2, 'bad-key-000000000002'), { 'Content-Type': 'text/plain' }).then((r) => r.status),
    ],
    [
      'multipart',
      () =>
        submit(server, '--x\r\n\r\n--x--', { 'Content-Type': 'multipart/form-data; boundary=x' }).then((r) => r.status),
    ],
    ['2 MB body', () => submit(server, form(3, 'bad-key-000000000003', { notes: big })).then((r) => r.status)],
    [
      '2 MB without a length',
      () =>
        fetch(`${server.origin}/api/talk-requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
          body: new ReadableStream({
            start(c) {
              for (let i = 0; i < 32; i++) c.enqueue(new TextEncoder().encode(big.slice(0, 65536)))
              c.close()
            },
          }),
          duplex: 'half',
        } as RequestInit).then((r) => r.status),
    ],
    ['empty body', () => submit(server, '').then((r) => r.status)],
    ['missing fields', () => submit(server, 'school=x&consent=yes').then((r) => r.status)],
    [
      'wrong types',
      () =>
        submit(
          server,
          form(4, 'bad-key-000000000004', { audienceSize: 'many', gradeBand: '3', date1Start: 'tomorrow' }),
        ).then((r) => r.status),
    ],
    [
      'unknown worker',
      () => submit(server, form(5, 'bad-key-000000000005', { workers: 'worker-nobody' })).then((r) => r.status),
    ],
    [
      'phone not mainland mobile',
      () => submit(server, form(6, 'bad-key-000000000006', { phone: '+1 415 555 0100' })).then((r) => r.status),
    ],
    ['no consent', () => submit(server, form(7, 'bad-key-000000000007', { consent: 'no' })).then((r) => r.status)],
    [
      'script in notes',
      () =>
        submit(server, form(8, 'bad-key-000000000008', { notes: '<script>alert(1)</script>' })).then((r) => r.status),
    ],
    [
      'markup in school',
      () =>
        submit(server, form(9, 'bad-key-000000000009', { school: '<img src=x onerror=alert(1)>' })).then(
          (r) => r.status,
        ),
    ],
    [
      'honeypot',
      () => submit(server, form(10, 'bad-key-000000000010', { website: 'http://spam.example' })).then((r) => r.status),
    ],
    [
      'foreign Origin',
      () => submit(server, form(11, 'bad-key-000000000011'), { Origin: 'https://evil.example' }).then((r) => r.status),
    ],
    [
      'no Origin',
      () =>
        fetch(`${server.origin}/api/talk-requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: String(form(12, 'bad-key-000000000012')),
        }).then((r) => r.status),
    ],
    [
      'PUT',
      () =>
        fetch(`${server.origin}/api/talk-requests`, {
          method: 'PUT',
          headers: { Origin: server.origin },
          body: 'x',
        }).then((r) => r.status),
    ],
    ['invalid percent-encoding', () => submit(server, 'school=%E0%A4%A&phone=%%%').then((r) => r.status)],
  ]
  try {
    for (const [name, run] of cases) {
      const status = await run().catch((e) => (console.log(`    ${e} (${e.cause ?? ''})`), 0))
      check(status >= 400 && status < 500, `${name} → ${status}`)
    }
    const { documents, skipped } = await inboxState(inbox)
    check(documents.length === 0 && skipped.length === 0, `nothing stored (${documents.length})`)
    const after = await submit(server, form(99, 'good-key-00000000099'))
    check(after.status === 200 && !!after.reference, `server still answering: a valid request → ${after.status}`)
  } finally {
    await server.stop()
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'laomo-reliability-'))
try {
  await concurrent(dir)
  await killAndRestart(dir)
  await malformed(dir)
} finally {
  await rm(dir, { recursive: true, force: true })
}
if (failures.length > 0) {
  console.error(`\n${failures.length} reliability check(s) failed`)
  process.exit(1)
}
console.log('\nall reliability checks passed')
