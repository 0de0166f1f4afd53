/** Values that are not on the form's lists, missing fields, and the honeypot filled in. */
import { form } from '../bookings.ts'
import type { Hostile, Kit } from './kit.ts'

export function valueCases({ n, key, post, withField }: Kit, topic: string, workerIds: string[]): Hostile[] {
  const cases: Hostile[] = []
  // Values that are not on the lists.
  for (const [field, value] of [
    ['topic', '不在列表中的主题'],
    ['topic', '<b>工匠精神</b>'],
    ['topic', `${topic}x`],
    ['gradeBand', 'college'],
    ['gradeBand', 'SENIOR'],
    ['gradeBand', ''],
    ['prefecture', '北京市'],
    ['prefecture', '兰州'],
    ['prefecture', ''],
    ['workers', 'worker-nobody'],
    ['workers', '../worker-x'],
    ['audienceSize', '0'],
    ['audienceSize', '-1'],
    ['audienceSize', '5001'],
    ['audienceSize', '1e3'],
    ['audienceSize', '１００'],
    ['audienceSize', '100.5'],
    ['audienceSize', '99999999999999999999999'],
    ['phone', '+1 415 555 0100'],
    ['phone', '12345'],
    ['phone', '0931-1234567'],
    ['email', 'not-an-email'],
    ['email', 'a@b'],
    ['email', 'javascript:alert(1)@x.org'],
    ['consent', 'no'],
    ['consent', 'YES'],
  ])
    cases.push(withField(`${field} = ${JSON.stringify(value)}`, field, value, true))
  cases.push(
    post(
      'six workers',
      () =>
        `${String(form(n(), key()))}&${workerIds
          .slice(0, 6)
          .map((w) => `workers=${w}`)
          .join('&')}`,
      {},
      workerIds.length >= 6,
    ),
  )

  // Missing fields.
  for (const field of [
    'school',
    'contactName',
    'phone',
    'date1Start',
    'date1End',
    'gradeBand',
    'audienceSize',
    'prefecture',
    'address',
    'consent',
  ])
    cases.push(
      post(
        `without ${field}`,
        () => {
          const f = form(n(), key())
          f.delete(field)
          return String(f)
        },
        {},
        true,
      ),
    )
  cases.push(post('empty body', () => '', {}, true))
  cases.push(withField('honeypot filled', 'website', 'http://spam.example', true))

  return cases
}
