/**
 * 4. Slow clients (bodies and headers that never finish, bodies trickled in): dropped within seconds, while
 * other teachers' bookings go through at full speed.
 */
import path from 'node:path'
import { form, inboxState, keyOf } from './bookings.ts'
import { check, figure, latency, percentile, statuses } from './figures.ts'
import { ADDRESSES } from './settings.ts'
import { startTarget, submit, type Answer, type Target } from './targets.ts'

/** Opens a connection, sends `head` (and trickles `trickle` bytes one per second), resolves when it is closed. */
function slowClient(target: Target, head: string, localAddress: string, trickle = 0, giveUpMs = 20_000) {
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

export async function slowClients(name: Target['name'], dir: string) {
  const inbox = path.join(dir, `${name}-slow.ndjson`)
  const target = await startTarget(name, inbox)
  const SLOW = 20
  console.log(
    `[${name}] 4. ${SLOW} stalled bodies, ${SLOW} stalled headers, ${SLOW} trickled bodies, with bookings alongside`,
  )
  try {
    const host = new URL(target.origin).host
    const post = (length: number) =>
      `POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${target.origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\nschool=`
    // The slow ones come from their own addresses, as an attacker's would.
    const at = (i: number) => `127.0.1.${(i % 200) + 1}`
    const stalledBodies = Array.from({ length: SLOW }, (_, i) => slowClient(target, post(4000), at(i)))
    const stalledHeaders = Array.from({ length: SLOW }, (_, i) =>
      slowClient(target, `POST /api/talk-requests HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `, at(i + SLOW)),
    )
    const trickled = Array.from({ length: SLOW }, (_, i) => slowClient(target, post(4000), at(i + 2 * SLOW), 3600))
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
    check(
      bookings.every((b) => b.status === 200),
      `bookings alongside all accepted (${statuses(bookings)})`,
    )
    check(
      percentile(
        bookings.map((b) => b.ms),
        95,
      ) < 1000,
      `…without waiting on the slow clients (${latency(bookings)})`,
    )

    const [bodies, headers, trickles] = await Promise.all([
      Promise.all(stalledBodies),
      Promise.all(stalledHeaders),
      Promise.all(trickled),
    ])
    const summary = (results: { closedAfterMs: number | null }[]) => {
      const closed = results.map((r) => r.closedAfterMs).filter((ms): ms is number => ms !== null)
      return { closed: closed.length, max: closed.length ? Math.max(...closed) : NaN }
    }
    const b = summary(bodies)
    const h = summary(headers)
    const t = summary(trickles)
    check(
      b.closed === SLOW && b.max < 13_000,
      `stalled bodies dropped within 13 s (${b.closed} of ${SLOW}, last after ${(b.max / 1000).toFixed(1)} s)`,
    )
    check(
      h.closed === SLOW && h.max < 13_000,
      `stalled headers dropped within 13 s (${h.closed} of ${SLOW}, last after ${(h.max / 1000).toFixed(1)} s)`,
    )
    if (name === 'direct') {
      check(
        t.closed === SLOW && t.max < 13_000,
        `trickled bodies dropped within 13 s (${t.closed} of ${SLOW}, last after ${(t.max / 1000).toFixed(1)} s)`,
      )
    } else {
      // nginx times out a body between two reads only, so a trickle keeps its connection; it never reaches the
      // server (the body is buffered first), and limit_conn caps how many one address holds.
      const stored = (await inboxState(inbox)).documents.length
      check(
        stored === bookings.length,
        `trickled bodies never reached the server (inbox: ${stored} = the ${bookings.length} bookings)`,
      )
    }
    const { skipped } = await inboxState(inbox)
    check(skipped.length === 0, 'no torn line')
    figure(
      target,
      `slow clients: bookings alongside ${statuses(bookings)}, ${latency(bookings)}; stalled bodies closed ${b.closed}/${SLOW} (last ${(b.max / 1000).toFixed(1)} s), stalled headers ${h.closed}/${SLOW} (last ${(h.max / 1000).toFixed(1)} s), trickled ${t.closed}/${SLOW} closed within 20 s${t.closed ? ` (last ${(t.max / 1000).toFixed(1)} s)` : ''}`,
    )
  } finally {
    await target.stop()
  }
}
