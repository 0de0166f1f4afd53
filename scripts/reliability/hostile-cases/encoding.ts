/** Bodies that are not well-formed: malformed percent-encoding, bytes that are not UTF-8, odd field names. */
import { form } from '../bookings.ts'
import type { Hostile, Kit } from './kit.ts'

export function encodingCases({ n, key, post }: Kit): Hostile[] {
  const cases: Hostile[] = []
  // Malformed percent-encoding and bytes that are not UTF-8.
  const rawSchool = (label: string, encoded: string) =>
    post(`malformed: school=${label}`, () => String(form(n(), key())).replace(/school=[^&]*/, `school=${encoded}`))
  for (const [label, encoded] of [
    ['truncated %E0%A4%A', '%E0%A4%A'],
    ['bare %', '%'],
    ['%%%', '%%%'],
    ['%ZZ', '%ZZ'],
    ['overlong %C0%AF', '%C0%AF%C0%AF'],
    ['lone surrogate %ED%A0%80', '%ED%A0%80'],
    ['beyond U+10FFFF %F4%90%80%80', '%F4%90%80%80'],
    ['%FF%FE', '%FF%FE'],
    ['NUL %00', 'a%00b'],
    ['only +', '+++'],
  ])
    cases.push(rawSchool(label, encoded))
  cases.push(
    post('raw bytes 0xFF 0xC3 in the body', () =>
      Buffer.concat([Buffer.from(String(form(n(), key())) + '&school='), Buffer.from([0xff, 0xc3, 0x28])]),
    ),
  )
  cases.push(post('UTF-16 body', () => Buffer.from(String(form(n(), key())), 'utf16le'), {}, true))
  cases.push(post('body of separators', () => '&&&===&&', {}, true))
  cases.push(post('field names only', () => 'school&contactName&phone', {}, true))
  cases.push(post('array-style field names', () => String(form(n(), key())).replace('school=', 'school[]='), {}, true))
  cases.push(
    post(
      'every field twice (first wins)',
      () => `${String(form(n(), key()))}&${String(form(n() + 1, key(), { school: '<b>第二份</b>' }))}`,
    ),
  )
  return cases
}
