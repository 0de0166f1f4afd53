/** Characters that have no place in a booking, and injection strings, in every text field. */
import type { Hostile, Kit } from './kit.ts'

/** Characters no keyboard types: control characters (refused) and invisible formatting ones (removed). */
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b']
const INVISIBLE = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u{e0041}',
]
const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE talkRequest; --",
  '*[_type == "talkRequest"]{phone}',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil.example","点击")',
  '"}\n{"_id":"injected","_type":"talkRequest"}',
  '\\u0000\\"}',
  'javascript:alert(document.cookie)',
  '𠀀𪚥🙂 合成字符 e\u0301',
  'ＡＢＣ１２３　全角',
]

export function characterCases({ withField }: Kit, topic: string): Hostile[] {
  const cases: Hostile[] = []
  const valid: Record<string, string> = {
    school: '兰州市第一中学',
    contactName: '李老师',
    address: '城关区某路 1 号',
    notes: '希望安排在周五下午',
    email: 'teacher@example.org',
    phone: '13912345678',
    topic,
  }

  // Control and invisible characters in every text field, in the middle of an otherwise valid value.
  for (const [field, value] of Object.entries(valid)) {
    const at = Math.max(1, Math.floor(value.length / 2))
    for (const c of [...CONTROL, ...INVISIBLE]) {
      const code = c.codePointAt(0)!.toString(16).padStart(4, '0')
      // Refused in text; a phone number keeps only its digits, so there it may be accepted, cleaned.
      cases.push(
        withField(
          `${field} with U+${code}`,
          field,
          value.slice(0, at) + c + value.slice(at),
          CONTROL.includes(c) && field !== 'phone',
        ),
      )
    }
  }
  // Line breaks where a value is one line.
  for (const field of ['school', 'contactName', 'address', 'email', 'phone'])
    for (const lb of ['\n', '\r\n', '\u2028'])
      cases.push(
        withField(
          `${field} with a line break ${JSON.stringify(lb)}`,
          field,
          `${valid[field]}${lb}Set-Cookie: x=1`,
          true,
        ),
      )
  // Injection strings, stored as text or refused.
  for (const field of ['school', 'contactName', 'address', 'notes'])
    for (const s of INJECTIONS) cases.push(withField(`${field} = ${JSON.stringify(s).slice(0, 40)}`, field, s))
  return cases
}
