/**
 * 4. Slow clients (bodies and headers that never finish, bodies trickled in), with other teachers' bookings
 * alongside: when each slow connection was closed, how the bookings fared, what reached the inbox.
 */
import path from 'node:path'
import { form, inboxState, keyOf } from './bookings.ts'
import { latency, statuses } from './figures.ts'
import { ADDRESSES } from './settings.ts'
import { startTarget, submit, type Answer, type Target } from './targets.ts'

/** How many of each kind of slow client. */
export const SLOW = 20
/** The slow clients give up (and count as not closed) after this long. */
const GIVE_UP_MS = 20_000

/** Opens a connection, sends `head` (and trickles `trickle` bytes one per second), resolves when it is closed. */
function slowClient(target: Target, head: string, localAddress: string, trickle = 0, giveUpMs = GIVE_UP_MS) {
  return new Promise<{ closedAfterMs: number | null; answered: string }>((resolve) => {
    const started = Date.now()
    const socket = target.socket(localAddress)
    let answered = ''
    let timer: NodeJS.Timeout | undefined
    socket.once(target.name === 'nginx' ? 'secureConnect' : 'connect', () => {
      socket.write(head)
      let sent = 0
      if (trickle > 0)
        timer = setInterval(() => {
          if (sent++ < trickle && !socket.destroyed) socket.write('x')
        }, 1000)
    })
    socket.on('data', (d: Buffer) => (answered ||= d.toString().split('\r\n')[0]!))
    socket.on('error', () => undefined)
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs)
    socket.once('close', () => {
      clearTimeout(giveUp)
      clearInterval(timer)
      const ms = Date.now() - started
      resolve({ closedAfterMs: ms >= giveUpMs - 50 ? null : ms, answered })
    })
  })
}

interface Closed {
  /** How many the server (or nginx) closed before the client gave up. */
  closed: number
  /** When the last of those was closed, ms after it connected (NaN if none was). */
  max: number
}

export interface SlowRun {
  /** Bookings sent alongside, ten at a time, five rounds. */
  bookings: Answer[]
  stalledBodies: Closed
  stalledHeaders: Closed
  trickled: Closed
  /** The inbox once every slow client is done. */
  inbox: Awaited<ReturnType<typeof inboxState>>
  figure: string
}

export async function runSlowClients(name: Target['name'], dir: string): Promise<SlowRun> {
  const inbox = path.join(dir, `${name}-slow.ndjson`)
  const target = await startTarget(name, inbox)
  console.log(
    `[${name}] 4. ${SLOW} stalled bodies, ${SLOW} stalled headers, ${SLOW} trickled bodies, with bookings alongside`,
  )
  try {
    const host = new URL(target.origin).host
    const post = (length: number) =>
      `POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${target.origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\nschool=`
    // The slow ones come from their own addresses, as an attacker's would.
    const at = (i: number) => `127.0.1.${(i % 200) + 1}`
    const slow = (head: string, i: number, trickle = 0) => slowClient(target, head, at(i), trickle)
    const stalledBodies = Array.from({ length: SLOW }, (_, i) => slow(post(4000), i))
    const stalledHeaders = Array.from({ length: SLOW }, (_, i) =>
      slow(`POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `, i + SLOW),
    )
    const trickled = Array.from({ length: SLOW }, (_, i) => slow(post(4000), i + 2 * SLOW, 3600))
    await new Promise((r) => setTimeout(r, 500))
    // Meanwhile, teachers keep booking.
    const bookings: Answer[] = []
    for (let round = 0; round < 5; round++) {
      bookings.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            submit(target, form(round * 10 + i, keyOf('slow-ok', round * 10 + i)), {}, ADDRESSES[i]!),
          ),
        )),
      )
      await new Promise((r) => setTimeout(r, 1000))
    }
    const summary = (results: { closedAfterMs: number | null }[]): Closed => {
      const closed = results.map((r) => r.closedAfterMs).filter((ms): ms is number => ms !== null)
      return { closed: closed.length, max: closed.length ? Math.max(...closed) : NaN }
    }
    const [b, h, t] = (
      await Promise.all([Promise.all(stalledBodies), Promise.all(stalledHeaders), Promise.all(trickled)])
    ).map(summary) as [Closed, Closed, Closed]
    return {
      bookings,
      stalledBodies: b,
      stalledHeaders: h,
      trickled: t,
      inbox: await inboxState(inbox),
      figure: `slow clients: bookings alongside ${statuses(bookings)}, ${latency(bookings)}; stalled bodies closed ${b.closed}/${SLOW} (last ${(b.max / 1000).toFixed(1)} s), stalled headers ${h.closed}/${SLOW} (last ${(h.max / 1000).toFixed(1)} s), trickled ${t.closed}/${SLOW} closed within 20 s${t.closed ? ` (last ${(t.max / 1000).toFixed(1)} s)` : ''}`,
    }
  } finally {
    await target.stop()
  }
}
