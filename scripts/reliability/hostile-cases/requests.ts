/** Requests the endpoint is not for: other methods, other paths, and refusals asked for as HTML. */
import { SECTION_PATHS } from '#domain/paths'
import { form } from '../bookings.ts'
import type { Hostile, Kit } from './kit.ts'

export function requestCases({ n, key, post }: Kit): Hostile[] {
  const cases: Hostile[] = []
  // Methods other than GET and POST.
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'])
    cases.push({
      name: `${method} /api/talk-requests`,
      refuse: true,
      run: (t) => t.send({ method, body: method === 'TRACE' ? undefined : 'x', headers: { Origin: t.origin } }),
    })
  cases.push({
    name: 'POST to a page',
    refuse: true,
    run: (t) =>
      t.send({
        path: SECTION_PATHS.schools,
        body: String(form(n(), key())),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: t.origin },
      }),
  })
  cases.push({
    name: '/_image',
    refuse: true,
    run: (t) => t.send({ method: 'GET', path: '/_image?href=%2Ffavicon.svg&w=4000&h=4000&f=avif' }),
  })
  cases.push({
    name: 'path traversal',
    refuse: true,
    run: (t) => t.send({ method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd' }),
  })
  cases.push({
    name: 'encoded slash traversal',
    refuse: true,
    run: (t) => t.send({ method: 'GET', path: '/_astro/..%2f..%2fserver%2fentry.mjs' }),
  })
  cases.push({
    name: 'a bad percent-encoding in the path',
    refuse: true,
    run: (t) => t.send({ method: 'GET', path: '/%E0%A4%A/' }),
  })

  // HTML answers (a form without JavaScript) are Chinese too.
  cases.push(
    post('HTML: invalid phone', () => String(form(n(), key(), { phone: '123' })), { Accept: 'text/html' }, true),
  )
  cases.push(
    post(
      'HTML: foreign Origin',
      () => String(form(n(), key())),
      { Accept: 'text/html', Origin: 'https://evil.example' },
      true,
    ),
  )
  return cases
}
