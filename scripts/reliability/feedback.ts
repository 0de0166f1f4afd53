/**
 * 5. The feedback form and the status lookup under hostile input, concurrent replays of one link, and a SIGKILL
 * while feedback is arriving. The links are signed as the Studio's would be, for a held talk of the build.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { feedbackPath, REQUEST_STATUS_PATH } from '#domain/paths'
import { readInbox } from '../../site/lib/booking/inbox.ts'
import { feedbackDocumentId, signFeedbackToken } from '../../site/lib/feedback/token.ts'
import { OUT_DIR } from '../serve-process.ts'
import { pool } from './bookings.ts'
import { statuses } from './figures.ts'
import { problemOf } from './hostile.ts'
import { ADDRESSES, ENV } from './settings.ts'
import { startTarget, type Answer, type Target } from './targets.ts'

const SECRET = ENV.LAOMO_FEEDBACK_SECRET
const FORM = 'application/x-www-form-urlencoded'
const answers = (n: number) =>
  `rating=${1 + (n % 5)}&students=${1 + n}&gradeBands=junior&inviteAgain=yes&comment=可靠性测试`

/** A held talk the build published (its page's status badge says 已举办). */
export async function heldTalk(): Promise<string> {
  const dir = path.join(OUT_DIR, 'client', 'talks')
  for (const id of await readdir(dir)) {
    const html = await readFile(path.join(dir, id, 'index.html'), 'utf8').catch(() => '')
    if (html.includes('badge-held" data-status')) return decodeURIComponent(id)
  }
  throw new Error(`no held talk in ${dir}: build the site first`)
}

const post = (target: Target, token: string, body: string, type = FORM, i = 0) =>
  target.send({
    path: feedbackPath(token),
    body,
    headers: { 'Content-Type': type },
    localAddress: ADDRESSES[i % ADDRESSES.length],
  })

/** Requests no teacher sends: each must get a 4xx with a Chinese message and store nothing. */
function hostileCases(talk: string): { name: string; send: (t: Target) => Promise<Answer> }[] {
  const good = signFeedbackToken(SECRET, talk)
  const [payload, sig] = good.split('.') as [string, string]
  const forgedClaims = Buffer.from(JSON.stringify({ talk, iat: 1, exp: 4e9, nonce: 'x' })).toString('base64url')
  const tokens: Record<string, string> = {
    empty: '',
    junk: 'hello',
    traversal: '../../../etc/passwd',
    injection: `'; DROP TABLE talks;--`,
    script: '<script>alert(1)</script>',
    unicode: '反馈链接\u202e\u0000',
    huge: 'A'.repeat(100_000),
    'wrong secret': signFeedbackToken('another-secret-long-enough-0123456789', talk),
    expired: signFeedbackToken(SECRET, talk, new Date(Date.now() - 61 * 86_400_000)),
    tampered: `${payload}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
    'claims swapped': `${forgedClaims}.${sig}`,
    'unknown talk': signFeedbackToken(SECRET, 'talk-that-does-not-exist'),
    'no signature': payload,
  }
  const cases = Object.entries(tokens).flatMap(([name, token]) => [
    { name: `GET ${name}`, send: (t: Target) => t.send({ method: 'GET', path: feedbackPath(token) }) },
    { name: `POST ${name}`, send: (t: Target) => post(t, token, answers(1)) },
  ])
  const bodies: Record<string, [string | Buffer, string]> = {
    json: ['{"rating":5}', 'application/json'],
    multipart: [
      '--x\r\nContent-Disposition: form-data; name="rating"\r\n\r\n5\r\n--x--',
      'multipart/form-data; boundary=x',
    ],
    oversized: [`${answers(1)}&comment=${'x'.repeat(200_000)}`, FORM],
    binary: [Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)), FORM],
    'all wrong': ['rating=99&students=-1&gradeBands=kindergarten&inviteAgain=maybe-not&comment=<b>x</b>', FORM],
    'control characters': [
      `${answers(1).replace(/&comment=.*$/, '')}&comment=${encodeURIComponent('a\u0000\u0007b')}`,
      FORM,
    ],
    'nothing at all': ['', FORM],
  }
  // These are answered 413/415/422 for a good link: nothing is stored from them either.
  const fresh = signFeedbackToken(SECRET, talk)
  for (const [name, [body, type]] of Object.entries(bodies))
    cases.push({
      name: `POST body ${name}`,
      send: (t) => t.send({ path: feedbackPath(fresh), body, headers: { 'Content-Type': type } }),
    })
  for (const method of ['PUT', 'DELETE', 'PATCH'])
    cases.push({ name: `${method} feedback`, send: (t) => t.send({ method, path: feedbackPath(fresh), body: 'x' }) })
  const lookups: Record<string, [string, string]> = {
    'status json': ['{"reference":"LM-20260101-AAAA"}', 'application/json'],
    'status injection': [`reference=${encodeURIComponent(`LM-' OR 1=1 --`)}&phoneLast4=0000`, FORM],
    'status unknown': ['reference=LM-20260101-ZZZZ&phoneLast4=1234', FORM],
    'status huge': [`reference=${'L'.repeat(50_000)}&phoneLast4=1234`, FORM],
    'status control': [`reference=${encodeURIComponent('LM-\u0000')}&phoneLast4=12\u202e34`, FORM],
  }
  for (const [name, [body, type]] of Object.entries(lookups))
    cases.push({ name, send: (t) => t.send({ path: REQUEST_STATUS_PATH, body, headers: { 'Content-Type': type } }) })
  return cases
}

export interface FeedbackRun {
  cases: number
  problems: string[]
  storedByHostile: number
  replays: Answer[]
  storedByReplays: number
  killed: boolean
  acknowledged: Set<string>
  afterKill: { ids: Map<string, number>; skipped: number }
  afterRestart: { ids: Map<string, number>; skipped: number }
  retried: Answer[]
  tokens: string[]
  figure: string
}

async function state(file: string) {
  const { documents, skipped } = await readInbox(file)
  const ids = new Map<string, number>()
  for (const d of documents) if (d._type === 'talkFeedback') ids.set(d._id, (ids.get(d._id) ?? 0) + 1)
  return { ids, skipped: skipped.length }
}

export async function runFeedback(name: Target['name'], dir: string): Promise<FeedbackRun> {
  const talk = await heldTalk()
  const inbox = path.join(dir, `${name}-feedback.ndjson`)
  const target = await startTarget(name, inbox)
  console.log(`[${name}] 5. feedback: hostile input, concurrent replays, SIGKILL`)
  try {
    const cases = hostileCases(talk)
    const problems: string[] = []
    for (const c of cases) {
      const answer = await c.send(target)
      const problem = problemOf(answer, true)
      if (problem) problems.push(`${c.name} → ${problem}`)
    }
    const storedByHostile = (await state(inbox)).ids.size

    // One link, submitted 200 times at once (double taps, several tabs, a script): one feedback.
    const token = signFeedbackToken(SECRET, talk)
    const replays = await pool(
      Array.from({ length: 200 }, (_, i) => () => post(target, token, answers(i), FORM, i)),
      200,
    )
    const storedByReplays = (await state(inbox)).ids.size - storedByHostile

    // Many links, the server killed when a third are acknowledged, then every link submitted again.
    const tokens = Array.from({ length: 300 }, () => signFeedbackToken(SECRET, talk))
    const acknowledged = new Set<string>()
    let killed = false
    await pool(
      tokens.map((t, i) => async () => {
        const answer = await post(target, t, answers(i), FORM, i)
        if (answer.status === 200) acknowledged.add(feedbackDocumentId(t))
        if (!killed && acknowledged.size >= tokens.length / 3) {
          killed = true
          target.kill()
        }
        return answer
      }),
      32,
    )
    const afterKill = await state(inbox)
    await target.restart()
    const retried = await pool(
      tokens.map((t, i) => () => post(target, t, answers(i), FORM, i)),
      32,
    )
    const afterRestart = await state(inbox)
    return {
      cases: cases.length,
      problems,
      storedByHostile,
      replays,
      storedByReplays,
      killed,
      acknowledged,
      afterKill,
      afterRestart,
      retried,
      tokens,
      figure: `feedback: ${cases.length} hostile cases (${problems.length} wrong, ${storedByHostile} stored); 200 replays of one link → ${statuses(replays)}, ${storedByReplays} stored; SIGKILL after ${acknowledged.size} acknowledged, then retry → ${statuses(retried)}, ${tokens.filter((t) => afterRestart.ids.has(feedbackDocumentId(t))).length} of ${tokens.length} stored, ${afterRestart.skipped} torn`,
    }
  } finally {
    await target.stop()
  }
}
