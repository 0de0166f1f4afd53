/** Fields, bodies and field counts over every limit. */
import { form } from '../bookings.ts'
import type { Answer, Target } from '../targets.ts'
import type { Hostile, Kit } from './kit.ts'

export function sizeCases({ n, key, post, withField }: Kit, workerIds: string[]): Hostile[] {
  const cases: Hostile[] = []
  // Sizes.
  cases.push(withField('notes of 1,001 characters', 'notes', '字'.repeat(1001), true))
  cases.push(withField('school of 101 characters', 'school', '校'.repeat(101), true))
  cases.push(withField('contactName of 51 characters', 'contactName', '名'.repeat(51), true))
  cases.push(withField('address of 201 characters', 'address', '路'.repeat(201), true))
  cases.push(withField('email of 101 characters', 'email', `${'a'.repeat(90)}@example.org`, true))
  cases.push(post('body just over 16 KiB', () => String(form(n(), key(), { notes: 'x'.repeat(16 * 1024) })), {}, true))
  cases.push(post('2 MB body', () => String(form(n(), key(), { notes: 'x'.repeat(2 * 1024 * 1024) })), {}, true))
  cases.push(post('10,000 fields', () => Array.from({ length: 10_000 }, (_, i) => `f${i}=1`).join('&'), {}, true))
  cases.push(post('a 10 KB field name', () => `${'n'.repeat(10_000)}=1&${String(form(n(), key()))}`))
  cases.push(
    post(
      '1,000 workers',
      () => `${String(form(n(), key()))}&${Array.from({ length: 1000 }, () => `workers=${workerIds[0]}`).join('&')}`,
    ),
  )
  cases.push({
    name: '2 MB without a Content-Length',
    refuse: true,
    run: (t) => streamed(t, 32, 65_536),
  })
  return cases
}

/** A POST whose body is streamed without a Content-Length (chunked). */
async function streamed(target: Target, chunks: number, size: number): Promise<Answer> {
  const body = Buffer.alloc(chunks * size, 'x')
  return target.send({
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: target.origin,
      'Transfer-Encoding': 'chunked',
    },
  })
}
