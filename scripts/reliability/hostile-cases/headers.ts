/** Headers a page on the site would not send: other content types, forged, foreign or absent origins. */
import { form } from '../bookings.ts'
import type { Hostile, Kit } from './kit.ts'

export function headerCases({ n, key, post }: Kit): Hostile[] {
  const cases: Hostile[] = []
  // Content types.
  for (const type of [
    'text/plain',
    'application/json',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/x-www-form-urlencodedx',
    'application/octet-stream',
    '',
  ])
    cases.push(
      post(`Content-Type ${JSON.stringify(type)}`, () => String(form(n(), key())), { 'Content-Type': type }, true),
    )
  cases.push(
    post(
      'JSON body',
      () => JSON.stringify(Object.fromEntries(form(n(), key()))),
      { 'Content-Type': 'application/json' },
      true,
    ),
  )
  cases.push(
    post('Content-Type with charset=utf-16', () => String(form(n(), key())), {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-16',
    }),
  )

  // Origins: forged, foreign, absent.
  for (const origin of [
    'https://evil.example',
    'null',
    'http://laomo.test',
    'https://laomo.test.evil.example',
    'https://evil.example/laomo.test',
    'file://',
    'chrome-extension://abcdef',
    'javascript:alert(1)',
    'https://127.0.0.1.nip.io',
    '\u202ehttps://evil.example',
    'x'.repeat(5000),
  ])
    // Sent as the UTF-8 bytes a client would put on the wire (Node's client refuses other characters).
    cases.push(
      post(
        `Origin ${JSON.stringify(origin).slice(0, 40)}`,
        () => String(form(n(), key())),
        { Origin: Buffer.from(origin).toString('latin1') },
        true,
      ),
    )
  cases.push(
    post(
      'no Origin, foreign Referer',
      () => String(form(n(), key())),
      { Origin: '', Referer: 'https://evil.example/schools/' },
      true,
    ),
  )
  cases.push({
    name: 'no Origin, no Referer',
    refuse: true,
    run: (t) =>
      t.send({
        body: String(form(n(), key())),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      }),
  })
  return cases
}
